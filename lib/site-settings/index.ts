export * from './settings';
export { setSiteEnabled, type ToggleResult } from './toggle';
export {
  browserRegistrar,
  contentScriptFile,
  firefoxRegistrar,
  injectContentScript,
  scriptingRegistrar,
  syncRegistrations,
  wantedHosts,
  type Registrar,
} from './registration';
