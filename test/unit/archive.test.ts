// The newsroom archive against a real PostgreSQL server that this suite starts (initdb + pg_ctl
// in a temporary folder) and stops at the end, also when a test fails.
import { startCluster, type Cluster } from './archive/cluster';
import { removeSourceFolders } from './archive/fixtures';
import { ingestCliSuite, ingestSuite } from './archive/ingest.suite';
import { archiveCheckSuite } from './archive/check.suite';
import { archiveFailureSuite } from './archive/failures.suite';

describe('newsroom archive on PostgreSQL', function () {
  this.timeout(60_000);
  let cluster: Cluster | undefined;
  before(() => {
    cluster = startCluster();
  });
  after(() => {
    removeSourceFolders();
    cluster?.destroy();
  });
  const current = (): Cluster => cluster!;
  ingestSuite(current);
  ingestCliSuite(current);
  archiveCheckSuite(current);
  archiveFailureSuite(current);
});
