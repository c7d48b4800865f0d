import { NotFoundError, ValidationError } from '../core/errors';
import type { ConversionRecord, ConversionRegistry, DataMessageRecord } from './conversionRegistry';
import { normaliseScanPath, SCANS_CONTAINER } from './conversionRequest';
import { DATA_MESSAGES_CONTAINER, type ConversionStore } from './conversionStore';
import {
  instant,
  summariseManifest,
  type DataMessageManifest,
  type Instant,
  type ManifestSummary,
} from './dataMessageManifest';
import { formatLookupCode, LookupCodeError, parseLookupCode } from './lookupCode';

/**
 * What the lookup API answers (Decree 137 Art. 5.1.b: access to a data message by a unique code
 * through a search interface): the status of an upload, a data message by its code, and its files.
 * `apiBase` is the absolute URL of the API root (e.g. `http://127.0.0.1:7071/api`) for the links.
 */
export interface ConversionStatusView {
  blob: string;
  status: ConversionRecord['status'];
  reason?: { vi: string; en: string; code: string };
  attempts: number;
  firstSeenAt: string;
  updatedAt: Instant;
  lastError?: string;
  messageId?: string;
  lookupCode?: string;
  links?: { dataMessage: string; pdf: string; manifest: string };
}

export type DataMessageView = ManifestSummary & { links: { self: string; pdf: string; manifest: string } };

export interface DataMessageFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

function linksFor(apiBase: string, code: string): { self: string; pdf: string; manifest: string } {
  const self = `${apiBase}/data-messages/${formatLookupCode(code)}`;
  return { self, pdf: `${self}/pdf`, manifest: `${self}/manifest` };
}

function both(vi: string, en: string): string {
  return `${vi} / ${en}`;
}

export class ConversionLookups {
  constructor(
    private readonly registry: ConversionRegistry,
    private readonly store: ConversionStore,
  ) {}

  async conversionStatus(blobParam: string | null, apiBase: string): Promise<ConversionStatusView> {
    const blob = blobParam?.trim() ?? '';
    if (blob === '' || blob === SCANS_CONTAINER || blob === `${SCANS_CONTAINER}/`) {
      const message = both(
        'Cần tham số blob=scans/{mã cơ quan}/{đường dẫn}',
        'The query parameter blob=scans/{agencyCode}/{path} is required',
      );
      throw new ValidationError([{ field: 'blob', message }], message);
    }
    const blobPath = normaliseScanPath(blob);
    const record = await this.registry.getConversion(blobPath);
    if (!record) {
      throw new NotFoundError(
        both(`Chưa có bản ghi chuyển đổi cho ${blobPath}`, `No conversion is recorded for ${blobPath}`),
      );
    }
    const view: ConversionStatusView = {
      blob: record.blobPath,
      status: record.status,
      attempts: record.attempts,
      firstSeenAt: record.firstSeenAt,
      updatedAt: instant(new Date(record.updatedAt)),
    };
    if (record.status === 'rejected') {
      view.reason = {
        vi: record.reasonVi ?? '',
        en: record.reasonEn ?? '',
        code: record.rejectionCode ?? '',
      };
    }
    if (record.lastError && record.status === 'processing') view.lastError = record.lastError;
    if (record.messageId) view.messageId = record.messageId;
    if (record.status === 'converted' && record.lookupCode) {
      view.lookupCode = formatLookupCode(record.lookupCode);
      const links = linksFor(apiBase, record.lookupCode);
      view.links = { dataMessage: links.self, pdf: links.pdf, manifest: links.manifest };
    }
    return view;
  }

  private async storedMessage(
    codeInput: string,
  ): Promise<DataMessageRecord & { manifestPath: string; pdfPath: string }> {
    let code: string;
    try {
      code = parseLookupCode(codeInput);
    } catch (error) {
      if (!(error instanceof LookupCodeError)) throw error;
      const message = both(error.reasonVi, error.reasonEn);
      throw new ValidationError([{ field: 'code', message }], message);
    }
    const record = await this.registry.getDataMessage(code);
    if (record?.state !== 'stored' || !record.manifestPath || !record.pdfPath) {
      const shown = formatLookupCode(code);
      throw new NotFoundError(
        both(`Không có thông điệp dữ liệu mã ${shown}`, `No data message has the code ${shown}`),
      );
    }
    return { ...record, manifestPath: record.manifestPath, pdfPath: record.pdfPath };
  }

  private async file(path: string, code: string): Promise<Buffer> {
    const bytes = await this.store.readDataMessageFile(path.slice(DATA_MESSAGES_CONTAINER.length + 1));
    if (!bytes) {
      const shown = formatLookupCode(code);
      throw new NotFoundError(
        both(`Tệp của thông điệp ${shown} không còn`, `The files of data message ${shown} are gone`),
      );
    }
    return bytes;
  }

  async dataMessage(codeInput: string, apiBase: string): Promise<DataMessageView> {
    const record = await this.storedMessage(codeInput);
    const manifest = JSON.parse(
      (await this.file(record.manifestPath, record.code)).toString('utf8'),
    ) as DataMessageManifest;
    return { ...summariseManifest(manifest), links: linksFor(apiBase, record.code) };
  }

  async dataMessageFile(codeInput: string, kind: 'pdf' | 'manifest'): Promise<DataMessageFile> {
    const record = await this.storedMessage(codeInput);
    const path = kind === 'pdf' ? record.pdfPath : record.manifestPath;
    const shown = formatLookupCode(record.code);
    return {
      bytes: await this.file(path, record.code),
      contentType: kind === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8',
      fileName: `${shown}.${kind === 'pdf' ? 'pdf' : 'json'}`,
    };
  }
}
