import { VERSIONS } from '../../contract/versions';
import { runStep } from './support/run-step';
import { loadWorkflow } from './support/workflows';

const wf = loadWorkflow('release-image.yml');
const job = wf.workflow.jobs.image!;
const steps = job.steps ?? [];
const step = (name: string) => steps.find((s) => s.name === name)!;
const MANIFEST_IMAGE = `${VERSIONS.goldenpathCliImage.repository}:${VERSIONS.goldenpathCliImage.tag}`;

describe('release-image.yml', () => {
  it('runs on pushed v* tags and by hand', () => {
    expect(wf.workflow.on).toEqual({ push: { tags: ['v*'] }, workflow_dispatch: null });
  });

  it('pushes exactly the image the version manifest pins (contract/versions.ts goldenpathCliImage)', () => {
    const build = steps.find((s) => s.uses?.startsWith('docker/build-push-action@'))!;
    expect([job.env?.IMAGE, build.with?.tags, build.with?.push, build.with?.context]).toEqual([MANIFEST_IMAGE, '${{ env.IMAGE }}', true, '.']);
  });

  it('may read the repository and write packages, nothing else', () => {
    expect([wf.workflow.permissions, job.permissions]).toEqual([{}, { contents: 'read', packages: 'write' }]);
  });

  it('logs in to the registry it pushes to with the job token', () => {
    const login = steps.find((s) => s.uses?.startsWith('docker/login-action@'))!;
    expect(login.with).toEqual({ registry: MANIFEST_IMAGE.split('/')[0], username: '${{ github.actor }}', password: '${{ github.token }}' });
  });

  it('checks the pushed tag before logging in or building', () => {
    const order = (s: (typeof steps)[number]) => steps.indexOf(s);
    const check = step('The pushed tag is the version the manifest pins');
    expect(order(check)).toBeLessThan(steps.findIndex((s) => s.uses?.startsWith('docker/login-action@')));
    expect(check.if).toBe("github.event_name == 'push'");
  });

  describe('the pushed tag check', () => {
    const script = step('The pushed tag is the version the manifest pins').run!;
    const run = (tag: string) => runStep(script, { IMAGE: MANIFEST_IMAGE, GIT_TAG: tag }, {});

    it('passes v + the manifest tag', () => {
      expect(run(`v${VERSIONS.goldenpathCliImage.tag}`).status).toBe(0);
    });

    it('fails any other tag, naming the manifest and the fix', () => {
      const r = run('v9.9.9');
      expect([r.status, r.stdout]).toEqual([1, expect.stringContaining(`is not v${VERSIONS.goldenpathCliImage.tag}, the image tag contract/versions.ts pins`)]);
    });
  });

  describe('the overwrite guard', () => {
    const script = step('Refuse to overwrite a published tag').run!;
    const run = (published: boolean) => runStep(script, { IMAGE: MANIFEST_IMAGE }, { docker: `[ "$*" = "buildx imagetools inspect ${MANIFEST_IMAGE}" ] && exit ${published ? 0 : 1}; exit 2` });

    it('lets a tag that is not yet published through', () => {
      expect(run(false).status).toBe(0);
    });

    it('stops before building when the tag is already published, naming the fix', () => {
      const r = run(true);
      expect([r.status, r.stdout]).toEqual([1, expect.stringContaining(`${MANIFEST_IMAGE} is already published; bump goldenpathCliImage.tag`)]);
    });
  });
});
