// `trag training lti list | add | remove`: LTI 1.3 platform registrations (the LMSs that may launch Trag), managed
// by the operator on the server host as an administrator of the given agency.
import type { Command } from 'commander';
import { AgencyService } from '@trag/core/identity';
import { LtiService, presentPlatform } from '@trag/core/training';
import { systemActor } from '@trag/core/shared';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

export function registerTrainingLti(group: Command): void {
  const lti = group.command('lti').description('LTI 1.3 platform registrations (Moodle and other LMSs).');

  lti
    .command('list')
    .description('Registered platforms, and the URLs to enter in the LMS.')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        await withCoreContext(async (ctx) => {
          const service = new LtiService(ctx);
          const platforms = (await service.listPlatforms(systemActor())).map(presentPlatform);
          const base = service.launchUrl.replace(/\/launch$/, '');
          const tool = { loginUrl: `${base}/login`, launchUrl: service.launchUrl, jwksUrl: `${base}/jwks` };
          if (options.json) {
            console.log(JSON.stringify({ platforms, tool }, null, 2));
            return;
          }
          console.log(`Tool: login ${tool.loginUrl}  launch ${tool.launchUrl}  keys ${tool.jwksUrl}`);
          if (platforms.length === 0) console.log('No platforms registered.');
          for (const p of platforms) {
            console.log(`${p.id}  ${p.issuer}  client ${p.clientId}  deployments ${p.deploymentIds.join(',')}`);
          }
        });
      }),
    );

  lti
    .command('add')
    .description('Register a platform (values from the LMS’s tool registration page).')
    .requiredOption('--agency <id-or-name>', 'the agency whose trainees launched learners become')
    .requiredOption('--issuer <url>', 'the platform issuer (iss), e.g. https://moodle.example.org')
    .requiredOption('--client-id <id>', 'the client id the LMS gave Trag')
    .requiredOption('--deployment <id...>', 'deployment id(s)')
    .requiredOption('--auth-url <url>', 'the platform’s OIDC authentication request URL')
    .requiredOption('--token-url <url>', 'the platform’s access token URL')
    .requiredOption('--jwks-url <url>', 'the platform’s public keyset URL')
    .action(
      action(
        async (o: {
          agency: string;
          issuer: string;
          clientId: string;
          deployment: string[];
          authUrl: string;
          tokenUrl: string;
          jwksUrl: string;
        }) => {
          await withCoreContext(async (ctx) => {
            const agency = await new AgencyService(ctx).find(o.agency);
            const row = await new LtiService(ctx).registerPlatform(systemActor(agency.id), {
              issuer: o.issuer,
              clientId: o.clientId,
              deploymentIds: o.deployment,
              authorizationEndpoint: o.authUrl,
              tokenEndpoint: o.tokenUrl,
              jwksUrl: o.jwksUrl,
            });
            console.log(`Registered ${row.issuer} (client ${row.client_id}) as ${row.id}.`);
          });
        },
      ),
    );

  lti
    .command('remove')
    .argument('<id>', 'the registration id (see `trag training lti list`)')
    .description('Remove a platform registration; its launch links stop working.')
    .action(
      action(async (id: string) => {
        await withCoreContext(async (ctx) => {
          await new LtiService(ctx).removePlatform(systemActor(), id);
          console.log(`Removed ${id}.`);
        });
      }),
    );
}
