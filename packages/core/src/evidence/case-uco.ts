// The bundle's facts in the CASE/UCO ontology (https://caseontology.org), as JSON-LD: an Investigation, one
// ObservableObject per original (File + ContentData facets with its SHA-256), one ProvenanceRecord per exhibit,
// and one InvestigativeAction per custody event (who, when, on what). Tools that read CASE can import it.
import type { BundleManifest } from './bundle-format';
import type { CustodyEntry } from './custody-ledger';

export const CASE_UCO_CONTEXT = {
  kb: 'urn:trag:',
  'case-investigation': 'https://ontology.caseontology.org/case/investigation/',
  'uco-action': 'https://ontology.unifiedcyberontology.org/uco/action/',
  'uco-core': 'https://ontology.unifiedcyberontology.org/uco/core/',
  'uco-identity': 'https://ontology.unifiedcyberontology.org/uco/identity/',
  'uco-observable': 'https://ontology.unifiedcyberontology.org/uco/observable/',
  'uco-types': 'https://ontology.unifiedcyberontology.org/uco/types/',
  'uco-vocabulary': 'https://ontology.unifiedcyberontology.org/uco/vocabulary/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Node = Record<string, unknown>;

const ref = (id: string) => ({ '@id': id });
const dateTime = (iso: string) => ({ '@type': 'xsd:dateTime', '@value': iso });

export function buildCaseUco(manifest: BundleManifest, ledgers: Map<string, readonly CustodyEntry[]>): Node {
  const graph: Node[] = [];
  const identities = new Map<string, Node>();
  const identity = (userId: string, name: string) => {
    const id = `kb:identity-${userId}`;
    if (!identities.has(id)) identities.set(id, { '@id': id, '@type': 'uco-identity:Identity', 'uco-core:name': name });
    return id;
  };
  for (const agency of manifest.agencies) {
    graph.push({
      '@id': `kb:organization-${agency.agencyId}`,
      '@type': 'uco-identity:Organization',
      'uco-core:name': agency.name,
      'uco-core:description': `Ed25519 signing key, SHA-256 fingerprint ${agency.fingerprint}`,
    });
  }
  const provenanceIds: string[] = [];
  for (const item of manifest.items) {
    const fileId = `kb:file-${item.itemId}`;
    const provenanceId = `kb:provenance-record-${item.itemId}`;
    provenanceIds.push(provenanceId);
    graph.push({
      '@id': fileId,
      '@type': 'uco-observable:File',
      'uco-core:hasFacet': [
        {
          '@id': `kb:file-facet-${item.itemId}`,
          '@type': 'uco-observable:FileFacet',
          'uco-observable:fileName': item.fileName,
          'uco-observable:sizeInBytes': { '@type': 'xsd:integer', '@value': String(item.size) },
        },
        {
          '@id': `kb:content-data-facet-${item.itemId}`,
          '@type': 'uco-observable:ContentDataFacet',
          'uco-observable:mimeType': item.mediaType,
          'uco-observable:sizeInBytes': { '@type': 'xsd:integer', '@value': String(item.size) },
          'uco-observable:hash': [
            {
              '@id': `kb:hash-${item.itemId}`,
              '@type': 'uco-types:Hash',
              'uco-types:hashMethod': { '@type': 'uco-vocabulary:HashNameVocab', '@value': 'SHA256' },
              'uco-types:hashValue': { '@type': 'xsd:hexBinary', '@value': item.sha256.toUpperCase() },
            },
          ],
        },
      ],
    });
    graph.push({
      '@id': provenanceId,
      '@type': 'case-investigation:ProvenanceRecord',
      'case-investigation:exhibitNumber': item.exhibit,
      'uco-core:description': item.description,
      'uco-core:object': [ref(fileId)],
    });
    for (const entry of ledgers.get(item.itemId) ?? []) {
      graph.push({
        '@id': `kb:investigative-action-${entry.hash.slice(0, 32)}`,
        '@type': 'case-investigation:InvestigativeAction',
        'uco-core:name': `custody: ${entry.event}`,
        'uco-core:description': `Custody ledger entry #${entry.seq} of exhibit ${item.exhibit}; entry hash ${entry.hash}`,
        'uco-action:startTime': dateTime(entry.at),
        'uco-action:endTime': dateTime(entry.at),
        'uco-action:performer': ref(identity(entry.actor.userId, entry.actor.name)),
        'uco-action:environment': ref(`kb:organization-${entry.actor.agencyId}`),
        'uco-action:object': [ref(fileId)],
        ...(entry.event === 'collected' ? { 'uco-action:result': [ref(provenanceId)] } : {}),
      });
    }
  }
  graph.push({
    '@id': `kb:investigation-${manifest.case.id}`,
    '@type': 'case-investigation:Investigation',
    'uco-core:name': manifest.case.reference,
    'uco-core:description': manifest.case.title,
    'uco-core:object': provenanceIds.map(ref),
  });
  return { '@context': CASE_UCO_CONTEXT, '@graph': [...graph, ...identities.values()] };
}
