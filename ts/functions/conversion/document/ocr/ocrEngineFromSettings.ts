import { documentIntelligenceEndpoint, optional } from '../../../core/config';
import { azureCredential } from '../../../core/storage';
import { DocumentIntelligenceEngine } from './DocumentIntelligenceEngine';
import type { OcrEngine } from './OcrEngine';
import { TesseractEngine } from './TesseractEngine';

/** Document Intelligence when DOCUMENT_INTELLIGENCE_ENDPOINT is set (Azure), local tesseract otherwise. */
export function ocrEngineFromSettings(): OcrEngine {
  const endpoint = documentIntelligenceEndpoint();
  if (!endpoint) return new TesseractEngine();
  return new DocumentIntelligenceEngine({
    endpoint,
    credential: azureCredential(optional('AzureWebJobsStorage__clientId')),
  });
}
