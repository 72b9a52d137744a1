// Worker thread of an import (see analysis-threads.ts): analyses chunks of texts and scores chunks of analyses with
// the default lexicon, answering each request in order with its id.
import { parentPort } from 'node:worker_threads';
import { RecruitmentAnalyzer } from './analyzer';
import { analyseChunk, scoreChunk } from './chunk-analysis';
import type { AnalysisRequest, AnalysisResponse } from './analysis-threads';

const analyzer = new RecruitmentAnalyzer();
const port = parentPort;
if (!port) throw new Error('analysis-worker.ts runs only as a worker thread');

port.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    if (request.kind === 'analyse') {
      const chunk = analyseChunk(analyzer, request.texts);
      for (const buffer of [chunk.signals.signatures, chunk.signals.eligible, chunk.signals.digests]) {
        if (buffer) transfer.push(buffer.buffer as ArrayBuffer);
      }
      response = { id: request.id, kind: 'analysed', chunk };
    } else {
      response = { id: request.id, kind: 'scored', items: scoreChunk(analyzer, request.items, request.hits) };
    }
  } catch (error) {
    response = { id: request.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response, transfer);
});
