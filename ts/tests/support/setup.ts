import { installFunctionsCore } from '../../local/functionsCore';

// Before any test imports @azure/functions: answer its require of '@azure/functions-core' so that
// registrations are captured instead of dropped (see local/functionsCore.ts).
installFunctionsCore();
