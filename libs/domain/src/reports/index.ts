// The public face of the reports context: exports of a plan as of a date (CSV, IRM CSV, XLSX, plan file JSON,
// a PDF report and a DOCX draft of the end-of-term self-assessment).
// Its HTTP controller lives in the API app; the Nest module that wires it is there too.
export * from './report-cells';
export * from './plan-report';
export * from './report-columns';
export * from './irm-columns';
export * from './csv-export';
export * from './plan-file-export';
export * from './xlsx-export';
export * from './docx/docx-export';
export * from './pdf/pdf-export';
export * from './reports.service';
export * from './reports.resolver';
