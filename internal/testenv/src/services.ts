import { REDIS_MISSING_FLAG } from './globalSetup.js';

export {
  postgresAnswers,
  REDIS_MISSING_FLAG,
  redisAnswers,
  TEST_DATABASE_REPLICA_URL,
  TEST_DATABASE_URL,
  TEST_REDIS_CLUSTER,
  TEST_REDIS_URL,
} from './globalSetup.js';

export function redisAvailable(): boolean {
  return process.env[REDIS_MISSING_FLAG] !== '1';
}
