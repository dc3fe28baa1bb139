#!/usr/bin/env bash
# Benchmark of ankra-support-server (run by `make bench`, never by ctest).
#  1. List endpoint (page of 25, 10k tickets in the organisation) under wrk -t2 -c16 -d5s,
#     against nginx serving the same response body as a static file, in the same run.
#  2. Review latency p50/p95 with 10k and 100k tickets in the organisation.
# Usage: bench_server.sh [BUILD_DIR]   (loopback only; stops by itself)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$(cd "$here/../.." && pwd)}
server="$build/server/ankra-support-server"
[ -x "$server" ] || { echo "bench_server: $server not found (pass the build dir)" >&2; exit 2; }
for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "bench_server: needs $tool" >&2; exit 2; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d /tmp/ankra-bench.XXXXXX)
server_pid=""
nginx_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

# Realistic-looking tickets: Kubernetes vocabulary, mixed statuses and categories.
generate() { # count offset
    python3 - "$1" "$2" <<'PY'
import json, random, sys
count, offset = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(offset + 7)
things = ["ingress-nginx", "cert-manager", "CoreDNS", "etcd", "kubelet", "cluster-autoscaler",
          "ArgoCD", "Prometheus", "Grafana", "Loki", "Cilium", "metrics-server", "Velero", "Istio"]
problems = ["CrashLoopBackOff after upgrade", "OOMKilled under load", "TLS handshake errors",
            "high latency on p99", "ImagePullBackOff from private registry", "pods stuck Pending",
            "PVC Multi-Attach error", "webhook timeout", "certificate not renewed", "node NotReady"]
statuses = ["open", "triaging", "in_progress", "waiting_customer", "resolved", "closed", "pending_review"]
categories = ["technical", "bug", "feature_request", "account", "billing", "other"]
for i in range(count):
    t, p = rnd.choice(things), rnd.choice(problems)
    print(json.dumps({
        "subject": f"{t} {p} (#{offset + i})",
        "description": f"Since yesterday {t} shows {p} in namespace team-{rnd.randint(1, 40)}. "
                       f"Error: context deadline exceeded while calling {t}. Kubernetes 1.{rnd.randint(26, 30)}.",
        "category": rnd.choice(categories), "status": rnd.choice(statuses)}))
PY
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

data="$tmp/data"
generate 10000 0 > "$tmp/10k.jsonl"
"$server" import --data-dir "$data" --org Bench "$tmp/10k.jsonl"
token=$("$server" token create --data-dir "$data" --org Bench --user bench)

"$server" serve --listen 127.0.0.1:0 --data-dir "$data" --quiet > "$tmp/server.out" 2> "$tmp/server.err" &
server_pid=$!
for _ in $(seq 50); do grep -q listening "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
base=$(head -1 "$tmp/server.out" | awk '{print $3}')
list_url="$base/api/v1/org/support/tickets?page=1&page_size=25"

# nginx serves the very same body as a static file.
mkdir -p "$tmp/www" "$tmp/nginx"
curl -sf -H "Authorization: Bearer $token" "$list_url" > "$tmp/www/list.json"
nginx_port=$(free_port)
cat > "$tmp/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
user root;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    default_type application/json;
    server {
        listen 127.0.0.1:$nginx_port;
        root $tmp/www;
    }
}
CONF
"$nginx_bin" -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/list.json" >/dev/null && break; sleep 0.1; done

run_wrk() { # url [header]
    if [ $# -gt 1 ]; then wrk -t2 -c16 -d5s -H "$2" "$1"; else wrk -t2 -c16 -d5s "$1"; fi
}
rps() { awk '/Requests\/sec/ {print $2}'; }
errors() { awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0} END {print ""}'; }

ours=$(run_wrk "$list_url" "Authorization: Bearer $token")
theirs=$(run_wrk "http://127.0.0.1:$nginx_port/list.json")
ours_rps=$(echo "$ours" | rps)
nginx_rps=$(echo "$theirs" | rps)
echo "list_page25_10k req/s $ours_rps"
echo "nginx_static req/s $nginx_rps"
python3 -c "print('ratio %.2f (goal >= 0.3)' % ($ours_rps / $nginx_rps))"
ours_errors=$(echo "$ours" | errors)
echo "list_page25_10k errors: ${ours_errors:-none}"
nginx_errors=$(echo "$theirs" | errors)
echo "nginx_static errors: ${nginx_errors:-none}"

review_latency() { # label
    local n=60 i
    : > "$tmp/times"
    for i in $(seq $n); do
        curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base/api/v1/org/support/tickets/review" \
            -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"subject\":\"cert-manager certificate not renewed $i\",\"description\":\"The certificate for ingress TLS in namespace team-$i was not renewed; cert-manager logs show: Error: context deadline exceeded while calling ACME. Kubernetes 1.29.\"}" \
            >> "$tmp/times"
    done
    python3 - "$1" "$tmp/times" <<'PY'
import sys
times = sorted(float(x) * 1000 for x in open(sys.argv[2]) if x.strip())
p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"review_latency_{sys.argv[1]} p50 {p(0.5):.1f} ms p95 {p(0.95):.1f} ms (n={len(times)})")
PY
}
review_latency 10k

# Grow the organisation to 100k tickets (the server keeps running; import is one transaction).
generate 90000 10000 > "$tmp/90k.jsonl"
"$server" import --data-dir "$data" --org Bench "$tmp/90k.jsonl"
review_latency 100k
