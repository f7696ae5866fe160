// The public face of the progress-imports context: bulk progress from a CSV or XLSX file (and its dry run), and
// the per-agency template to fill in. Its HTTP controller and Nest module live in the API app.
export * from './import-columns';
export * from './import-file';
export * from './import-problems';
export * from './import-rows';
export * from './progress-template';
export * from './progress-import.service';
export * from './progress-template.service';
