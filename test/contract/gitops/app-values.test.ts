import { helmGlobals } from '../../../contract/bootstrap-values';
import { CATALOG } from '../../../contract/catalog/catalog';
import { appHelmValues } from '../../../contract/gitops/app-values';
import { ephemeral } from '../../../contract/selection';
import { contractFor } from '../../support/bootstrap-contract';

const contract = contractFor(ephemeral('dev', '26-01-23-01'), { tierCeiling: null });

describe('appHelmValues', () => {
  it.each(CATALOG.filter((a) => a.lifecycles.includes('ephemeral') && a.tier <= contract.maxTier).map((a) => [a.name, a] as const))(
    'gives %s the global lifecycle, buildId and hostSuffix',
    (_name, app) => {
      expect(appHelmValues(app, contract).global).toMatchObject(helmGlobals(contract).global);
    },
  );

  it("keeps an app's own global keys next to the contract globals", () => {
    const values = appHelmValues({ values: () => ({ global: { imageRegistry: 'mirror' } }) }, contract);
    expect(values.global).toEqual({ imageRegistry: 'mirror', ...helmGlobals(contract).global });
  });
});
