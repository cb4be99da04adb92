#!/usr/bin/env bash
# Two OpenSearch nodes on one machine: http 19201/19202, transport 19301/19302, 1 GB heap each.
set -euo pipefail
jdk=${JAVA_HOME:-$("$(dirname "$0")/../../quanze" java-home)}
home=$(cd "$(dirname "$0")/../.." && pwd)/target/opensearch/opensearch-3.3.0
id -u quanze-opensearch >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin quanze-opensearch
chown -R quanze-opensearch "$home"
for i in 1 2; do
  w=${TMPDIR:-/tmp}/quanze-bench-node$i; rm -rf "$w"; mkdir -p "$w/data" "$w/logs" "$w/tmp"; chown -R quanze-opensearch "$w"
  (cd "$home" && JAVA_HOME=$jdk OPENSEARCH_JAVA_OPTS="-Xms1g -Xmx1g" OPENSEARCH_TMPDIR=$w/tmp \
    nohup runuser -u quanze-opensearch -- bin/opensearch -Ecluster.name=quanze-bench -Enode.name=node$i \
      -Enetwork.host=127.0.0.1 -Ehttp.port=1920$i -Etransport.port=1930$i \
      -Ediscovery.seed_hosts=127.0.0.1:19301,127.0.0.1:19302 -Ecluster.initial_cluster_manager_nodes=node1,node2 \
      -Epath.data=$w/data -Epath.logs=$w/logs -Ecluster.routing.allocation.disk.threshold_enabled=false \
      > "$w/console.log" 2>&1 & echo $! > "$w/pid")
done
