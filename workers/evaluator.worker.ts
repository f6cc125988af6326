// Glue only: exposes the evaluator (load path, validation, evaluation) to the page through Comlink.
// This worker is never terminated because a call went stale: the page drops stale answers.
import { expose } from 'comlink';
import { evaluatorApi } from './api.ts';

expose(evaluatorApi);
