/** One thing wrong with a plan file: where (a JSON path like `$.commitments[3].leadAgency`) and what. */
export interface PlanFileProblem {
  path: string;
  message: string;
}
