// A workload of another kind, keeping the reference accelerator; its fields start from the examples
// of scale in src/scenario/defaults.ts. The scenario's workload and a pool member's (issue 15) switch
// kind through this one function.
export { exampleWorkload as newWorkload } from '../../scenario/defaults.ts';
