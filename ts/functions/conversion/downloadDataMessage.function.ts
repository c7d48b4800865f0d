import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { NotFoundError } from '../core/errors';
import { withProblems } from '../core/http';
import { conversionLookups } from './conversionServices';

/** `GET /api/data-messages/{code}/pdf` and `/manifest`: the stored files, as stored. */
export async function downloadDataMessage(request: HttpRequest): Promise<HttpResponseInit> {
  const kind = request.params.file;
  if (kind !== 'pdf' && kind !== 'manifest') {
    throw new NotFoundError('Chỉ có /pdf và /manifest / Only /pdf and /manifest can be downloaded');
  }
  const file = await conversionLookups().dataMessageFile(request.params.code ?? '', kind);
  return {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `${kind === 'pdf' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    },
    body: file.bytes,
  };
}

app.http('downloadDataMessage', {
  methods: ['GET'],
  route: 'data-messages/{code}/{file}',
  authLevel: 'anonymous',
  handler: withProblems(downloadDataMessage),
});
