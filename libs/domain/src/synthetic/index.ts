// The public face of the synthetic world: a labelled, generated OGP of many plans for measuring the tracker,
// made from a seed and loaded through the plan loader.
export * from './prng';
export * from './world-layout';
export * from './synthetic-plan';
export * from './synthetic-world';
