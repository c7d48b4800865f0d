import { app } from '@azure/functions';

// The only code that runs at import. Each capability registers its functions in its own
// *.function.ts files, which package.json's "main" lists beside this one.
app.setup({ enableHttpStream: false });
