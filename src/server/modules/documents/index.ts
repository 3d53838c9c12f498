import '../../../contracts/documents';
import type { ServerModule } from '../../platform/module';
import { registerFiguresSources } from '../discharge';
import { registerPatientMergeHandler, registerPatientSection } from '../patients';
import './document.table';
import { seedDocumentsDemo } from './demo.seed';
import { moveDocumentsToPatient } from './document.queries';
import { firstReferralLetters, nursingSummaryReads } from './document-figures.queries';
import { documentsSection } from './document-read.service';
import { registerDocumentRoutes } from './documents.routes';

/**
 * Clinical documents of a patient (issue 14 item 7): 看護サマリー, 紹介状 and 退院時サマリー as
 * structured, versioned forms with read receipts, A4 views and FHIR document Bundles. A 紹介状 of a
 * provider change waits for the change's consent (asked of the discharge module).
 */
export const documentsModule: ServerModule = {
  name: 'documents',
  async register(app, deps) {
    registerPatientSection('documents', documentsSection);
    // A ward admin's merge of a duplicate: its documents follow the record that stays.
    registerPatientMergeHandler('documents', (trx, merge) =>
      moveDocumentsToPatient(trx, merge.fromId, merge.intoId).then(() => undefined),
    );
    // The council figures count 紹介状 and 看護サマリー reads through these (discharge/figures-sources.ts).
    registerFiguresSources({ firstReferralLetters, nursingSummaryReads });
    await registerDocumentRoutes(app, deps);
  },
  seedDemo: seedDocumentsDemo,
};
