#!/usr/bin/env python3
"""Generates tickets.jsonl: a labelled corpus of Kubernetes support tickets for Ankra.

Used to train the review engine's category/severity model (app/triage) and as demo data
(the server's `import` command reads the same JSONL). Deterministic: a fixed seed, so running
it again gives the same file. Run: python3 resources/corpus/generate.py > resources/corpus/tickets.jsonl
"""
import json
import random

rng = random.Random(20240611)

APPS = ["checkout-api", "payments-worker", "orders-service", "web-frontend", "auth-gateway",
        "inventory-sync", "notification-svc", "search-indexer", "reporting-job", "billing-api",
        "user-profile", "media-transcoder", "graphql-gateway", "cart-service", "ml-inference"]
NAMESPACES = ["prod", "production", "staging", "default", "payments", "platform", "data",
              "monitoring", "ingress-nginx", "team-a", "backend", "qa"]
CLUSTERS = ["prod-eu-west-1", "prod-us-east", "staging-eu", "dev-cluster", "k8s-prod-01",
            "analytics-gke", "edge-ams-2", "prod-aks-weu"]
K8S = ["1.26.9", "1.27.6", "1.28.3", "1.28.5", "1.29.1", "1.29.4", "1.30.0"]
NODES = ["ip-10-0-12-34.eu-west-1.compute.internal", "gke-pool-2-a1b2c3", "aks-nodepool1-3172-vmss000004",
         "worker-07", "node-pool-highmem-3"]
HELM = ["3.12.3", "3.13.1", "3.14.0", "3.14.4"]
DOMAINS = ["api.shop.example.com", "app.acme.io", "grafana.internal.example.net", "portal.example.org"]
PEOPLE = ["Anna", "Marco", "Priya", "Tom", "Sofia", "Jonas", "Wei", "Lucas"]
MONTHS = ["January", "February", "March", "April", "May", "June", "September", "October"]


def pick(xs):
    return rng.choice(xs)


def fill(text):
    vals = {
        "app": pick(APPS), "ns": pick(NAMESPACES), "cluster": pick(CLUSTERS), "ver": pick(K8S),
        "ver2": pick(K8S), "node": pick(NODES), "helm": pick(HELM), "domain": pick(DOMAINS),
        "person": pick(PEOPLE), "month": pick(MONTHS), "n": str(rng.randint(2, 40)),
        "pct": str(rng.choice([15, 20, 30, 45, 60, 80])), "mem": pick(["256Mi", "512Mi", "1Gi", "2Gi"]),
        "amount": pick(["1,240.00", "389.50", "2,980.00", "74.99", "12,400.00"]),
        "inv": "INV-%d-%04d" % (rng.choice([2023, 2024]), rng.randint(1, 9999)),
        "pod": "%s-%s-%s" % (pick(APPS), "".join(rng.choice("abcdef0123456789") for _ in range(9)),
                             "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))),
        "chart": pick(["ingress-nginx", "cert-manager", "kube-prometheus-stack", "redis", "postgresql", "loki"]),
    }
    return text.format(**vals)


# Each scenario: category, severities (weighted list), subjects, descriptions, optional extras.
S = []


def scen(category, severities, subjects, descriptions, count, extras=()):
    S.append(dict(category=category, severities=severities, subjects=subjects,
                  descriptions=descriptions, count=count, extras=list(extras)))


LOG_CRASH = """
```
$ kubectl get pods -n {ns}
NAME                 READY   STATUS             RESTARTS      AGE
{pod}   0/1     CrashLoopBackOff   {n} (41s ago)   38m
$ kubectl logs {pod} -n {ns} --previous
Error: connect ECONNREFUSED 10.96.14.7:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)
```"""
LOG_OOM = """
```
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
    Limits:
      memory:  {mem}
```"""
LOG_PVC = """
```
Events:
  Warning  FailedAttachVolume  2m   attachdetach-controller  AttachVolume.Attach failed for volume "pvc-3f1c2a9e-7d41-4c1b-9a0e-2b8e5f0d6c11" : rpc error: code = Internal desc = Could not attach volume: volume is already attached to another node
  Warning  FailedMount  1m  kubelet  Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]: timed out waiting for the condition
```"""
LOG_CERT = """
```
$ kubectl describe certificate {app}-tls -n {ns}
  Status:  False
  Reason:  Failed
  Message: Issuing certificate as Secret does not exist
Events: Failed to finalize Order: 403 urn:ietf:params:acme:error:unauthorized: Invalid response from http://{domain}/.well-known/acme-challenge/...
```"""
LOG_DNS = """
```
$ kubectl exec -it {pod} -n {ns} -- nslookup postgres.{ns}.svc.cluster.local
;; connection timed out; no servers could be reached
$ kubectl logs -n kube-system -l k8s-app=kube-dns
[ERROR] plugin/errors: 2 postgres.{ns}.svc.cluster.local. A: read udp 10.244.3.17:51234->10.0.0.2:53: i/o timeout
```"""
LOG_INGRESS = """
```
$ curl -I https://{domain}/healthz
HTTP/2 502
$ kubectl logs -n ingress-nginx deploy/ingress-nginx-controller | tail -2
2024/05/14 09:12:44 [error] 31#31: *8812 upstream prematurely closed connection while reading response header from upstream, upstream: "http://10.244.1.23:8080/healthz"
```"""
LOG_RBAC = """
```
Error from server (Forbidden): deployments.apps is forbidden: User "system:serviceaccount:{ns}:deployer" cannot list resource "deployments" in API group "apps" in the namespace "{ns}"
```"""
LOG_HELM = """
```
$ helm upgrade --install {chart} ./charts/{chart} -n {ns}
Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress
```"""
LOG_HPA = """
```
$ kubectl get hpa -n {ns}
NAME     REFERENCE          TARGETS         MINPODS   MAXPODS   REPLICAS
{app}    Deployment/{app}   <unknown>/70%   2         10        2
Warning  FailedGetResourceMetric  horizontal-pod-autoscaler  failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API
```"""
LOG_NODE = """
```
Conditions:
  MemoryPressure   True    KubeletHasInsufficientMemory
  DiskPressure     True    KubeletHasDiskPressure
Events:
  Warning  EvictionThresholdMet  kubelet  Attempting to reclaim ephemeral-storage
  Normal   Evicted  pod/{pod}  The node was low on resource: ephemeral-storage.
```"""
LOG_ARGO = """
```
ComparisonError: rpc error: code = Unknown desc = `helm template . --name-template {app} --namespace {ns}` failed exit status 1: Error: template: {app}/templates/deployment.yaml:34:20: executing "{app}/templates/deployment.yaml" at <.Values.image.tag>: nil pointer evaluating interface {{}}.tag
```"""
LOG_IMAGE = """
```
  Warning  Failed     12s  kubelet  Failed to pull image "registry.example.com/{app}:v2.3.1": rpc error: code = Unknown desc = failed to pull and unpack image: failed to resolve reference: unexpected status code 401 Unauthorized
  Warning  Failed     12s  kubelet  Error: ErrImagePull
  Normal   BackOff    1s   kubelet  Back-off pulling image
```"""

# --- technical ---------------------------------------------------------------------------
scen("technical", ["critical", "high", "high"],
     ["Pods in CrashLoopBackOff after deploy", "{app} stuck in CrashLoopBackOff",
      "CrashLoopBackOff on {app} in {ns}", "Production pods keep restarting"],
     ["Since the last deploy of {app} to {ns} on cluster {cluster}, all pods are in CrashLoopBackOff. "
      "The previous version worked fine. We rolled back once and it came up, rolled forward again and it crashes. "
      "Nothing changed in the database as far as we know.",
      "After this morning's release the {app} deployment never becomes ready. Pods restart every minute. "
      "This is production and checkout is down for customers.",
      "{app} pods crash right after start. Restart count is already above {n}. We checked the config map and the secret, "
      "both look correct. Cluster {cluster}, Kubernetes {ver}."],
     30, [LOG_CRASH, "", ""])
scen("technical", ["high", "medium", "high"],
     ["OOMKilled containers on {app}", "{app} keeps getting OOMKilled", "Memory limit exceeded, pods killed"],
     ["Our {app} containers are being OOMKilled several times per hour in {ns}. The memory limit is {mem}. "
      "Usage in Grafana grows slowly until the kill. Is this a leak on our side or a node problem?",
      "Pods of {app} restart with exit code 137 under load. We raised the limit from 512Mi to {mem} but it still happens.",
      "Since upgrading the node pool the JVM in {app} gets OOMKilled, although heap is capped at 70% of the container."],
     22, [LOG_OOM, "", ""])
scen("technical", ["critical", "high", "high", "medium"],
     ["Ingress returns 502 Bad Gateway", "502/504 from ingress-nginx for {domain}", "Site down: 502 errors",
      "Ingress not routing traffic to {app}"],
     ["{domain} returns 502 Bad Gateway for about {pct}% of requests since yesterday. The backend pods are healthy and "
      "respond fine with port-forward. Ingress controller is ingress-nginx on {cluster}.",
      "Our public website is down, every request to {domain} ends in 502. All customers are affected. "
      "We did not change the ingress manifest.",
      "After moving {app} behind the new ingress class we get 504 Gateway Timeout on long requests (over 60 seconds)."],
     22, [LOG_INGRESS, "", ""])
scen("technical", ["high", "medium", "high"],
     ["cert-manager certificate not renewing", "TLS certificate expired on {domain}",
      "Let's Encrypt certificate stuck in pending", "cert-manager HTTP-01 challenge failing"],
     ["The certificate for {domain} expires in {n} days and cert-manager does not renew it. The Certificate resource "
      "shows Ready=False. We use a ClusterIssuer with HTTP-01 via ingress-nginx.",
      "Browsers show NET::ERR_CERT_DATE_INVALID on {domain}. cert-manager did not renew the certificate. "
      "Customers cannot reach the portal.",
      "New certificates stay pending forever, the ACME challenge never completes. Existing ones still work."],
     18, [LOG_CERT, "", ""])
scen("technical", ["high", "medium", "critical"],
     ["DNS resolution failing inside pods", "CoreDNS timeouts in {cluster}", "Intermittent DNS errors between services"],
     ["Services in {ns} intermittently fail to resolve other services (getaddrinfo EAI_AGAIN). CoreDNS pods look healthy. "
      "It started after we scaled the cluster to {n} nodes.",
      "Pods cannot resolve any internal name since about an hour. External names work. All services in the cluster fail "
      "to talk to each other, production is down.",
      "We see random 5 second delays on DNS lookups from {app}. Probably conntrack races? Kubernetes {ver}."],
     16, [LOG_DNS, "", ""])
scen("technical", ["high", "medium", "critical"],
     ["PVC stuck, volume cannot attach", "Pod stuck in ContainerCreating: FailedAttachVolume",
      "PersistentVolumeClaim pending", "StatefulSet cannot mount its volume after node failure"],
     ["After node {node} was drained, the postgres StatefulSet pod cannot start on the new node: the volume is still "
      "attached to the old one. The pod is in ContainerCreating for 30 minutes.",
      "A new PVC stays Pending with 'waiting for first consumer to be created before binding' and the pod stays Pending too. "
      "StorageClass is the default gp3.",
      "Our database pod cannot mount its data volume, the database is down and we risk data loss if we force detach."],
     16, [LOG_PVC, "", ""])
scen("technical", ["medium", "low", "medium"],
     ["HPA not scaling", "HorizontalPodAutoscaler shows <unknown> targets", "Autoscaling does not react to load"],
     ["The HPA for {app} shows <unknown>/70% and never scales up, even when CPU is at 100%. metrics-server is installed.",
      "During the load test the deployment stayed at 2 replicas although the HPA max is 10. What are we missing?",
      "HPA scales down too aggressively and we get latency spikes every evening. Can we tune the stabilization window?"],
     12, [LOG_HPA, ""])
scen("technical", ["high", "medium", "high"],
     ["Node NotReady / DiskPressure", "Pods evicted because of node pressure", "Node {node} NotReady",
      "Nodes keep going NotReady"],
     ["Node {node} went NotReady twice today and all pods on it were evicted. kubelet logs show PLEG is not healthy.",
      "Pods are evicted with 'The node was low on resource: ephemeral-storage'. The nodes have 50 GB disks.",
      "Several nodes report MemoryPressure and pods get evicted, including our ingress controller."],
     14, [LOG_NODE, ""])
scen("technical", ["medium", "high", "medium"],
     ["RBAC forbidden for service account", "User cannot list deployments: Forbidden",
      "CI pipeline gets 403 Forbidden from the API server"],
     ["Our CI deploys with the service account deployer in {ns} and now gets Forbidden when listing deployments. "
      "We did not change the Role or RoleBinding.",
      "A developer added to the team-a group cannot see pods in {ns} in the Ankra dashboard or with kubectl.",
      "After the upgrade to {ver} the GitLab runner cannot create jobs anymore: forbidden."],
     12, [LOG_RBAC, ""])
scen("technical", ["medium", "high", "low"],
     ["Helm upgrade fails: another operation in progress", "Helm release stuck in pending-upgrade",
      "Helm chart {chart} fails to install"],
     ["helm upgrade of {chart} in {ns} fails every time with 'another operation is in progress'. helm history shows the "
      "last revision as pending-upgrade. Helm {helm}.",
      "Installing {chart} from the Ankra add-on catalogue fails with a timeout and the release stays failed.",
      "The {chart} chart upgrade removed our custom values, how do we recover the previous configuration?"],
     12, [LOG_HELM, ""])
scen("technical", ["medium", "high", "low"],
     ["Argo CD application OutOfSync", "Argo CD sync fails with ComparisonError", "Argo CD keeps reverting manual change"],
     ["The Argo CD application {app} is OutOfSync and the sync fails with a ComparisonError. The same chart renders fine "
      "locally with helm template.",
      "Argo CD shows the app as Healthy but Degraded pods are running an old image. Sync does nothing.",
      "Argo CD reverts the replica count that the HPA sets, so our app flaps between 2 and 8 replicas."],
     12, [LOG_ARGO, ""])
scen("technical", ["high", "critical", "medium"],
     ["Cluster upgrade to {ver} stuck", "Control plane upgrade failed", "Nodes not joining after Kubernetes upgrade"],
     ["We started the upgrade of {cluster} from {ver2} to {ver} in Ankra and it has been stuck at 'upgrading node pool' "
      "for 3 hours. Half the nodes run the old version.",
      "After the upgrade to Kubernetes {ver} all ingress traffic is down, the API server is reachable but nodes are NotReady. "
      "Production down, please help urgently.",
      "Is it safe to upgrade from {ver2} to {ver} directly? We use PodSecurityPolicies in a few namespaces."],
     14, [""])
scen("technical", ["high", "medium"],
     ["ImagePullBackOff from private registry", "Cannot pull image: 401 Unauthorized", "ErrImagePull on new deployment"],
     ["New pods of {app} are in ImagePullBackOff. The image exists in our registry and the imagePullSecret is set on the "
      "service account.",
      "Since this morning nodes cannot pull from our private registry, all new pods fail with ErrImagePull."],
     10, [LOG_IMAGE, ""])
# vague technical tickets (poor quality on purpose)
scen("technical", ["medium", "high", "low"],
     ["help", "urgent", "Cluster problem", "not working", "Issue with our app", "Pods broken"],
     ["Our app is not working since yesterday, please check.", "Something is wrong with the cluster.",
      "Deployment fails. Please help asap!", "pods not starting", "We have an issue with kubernetes, can someone call us?"],
     14)

# --- bug (in Ankra itself) ---------------------------------------------------------------
scen("bug", ["medium", "low", "medium", "high"],
     ["Dashboard shows wrong pod count", "Ankra UI: cluster overview does not refresh",
      "Log viewer truncates lines", "Bug: resource graph empty for {cluster}",
      "Ankra CLI crashes on 'ankra cluster list'", "Stack list shows deleted stacks"],
     ["Steps to reproduce: open cluster {cluster}, go to Workloads, filter namespace {ns}.\n"
      "Expected: the {n} running pods are listed.\nActual: the list shows 0 pods and a spinner that never stops. "
      "kubectl shows the pods fine. Browser: Firefox 125.",
      "The log viewer in the Ankra dashboard cuts every line at 1024 characters, so JSON log lines are unreadable. "
      "Expected the full line or a wrap. Happens on every cluster.",
      "Running `ankra cluster list` with CLI 0.9.{n} panics:\n```\npanic: runtime error: invalid memory address or nil pointer dereference\n"
      "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x10a3f2c]\n```\nExpected the list of clusters.",
      "The cluster overview still shows nodes that were removed 2 days ago. Refreshing does not help.",
      "When I delete a stack in the UI it disappears, but after reload it is back in the list with status 'deleting'."],
     34)
scen("bug", ["high", "critical", "medium"],
     ["Deploying a stack from Ankra deleted our namespace", "Ankra agent restarts and loses cluster connection",
      "Add-on upgrade via Ankra broke ingress", "Ankra agent uses 100% CPU"],
     ["When we redeployed the stack 'platform-base' from the Ankra UI, the namespace {ns} and everything in it was deleted. "
      "Expected only the changed manifests to be applied. This caused a production outage and possible data loss.",
      "The Ankra agent in {cluster} restarts every few minutes (OOMKilled) and the cluster shows as disconnected in the "
      "dashboard. Agent version 1.4.{n}.",
      "Upgrading the ingress-nginx add-on through Ankra from 4.9 to 4.10 replaced our custom config map, all ingresses "
      "returned 404 afterwards. Expected the values to be preserved.",
      "The ankra-agent pod uses a full CPU core constantly since the last agent update. Before it was around 20m."],
     22)

# --- feature requests ----------------------------------------------------------------------
scen("feature_request", ["low", "low", "medium"],
     ["Feature request: export audit log", "Please add support for ARM node pools", "Would be nice: dark mode",
      "Request: Slack notifications for deploy events", "Support for OIDC groups in RBAC mapping",
      "Add cost breakdown per namespace", "Allow scheduling of cluster upgrades", "Terraform provider for Ankra",
      "Please add a rollback button for stacks", "Support for Gateway API"],
     ["It would be nice to export the audit log as CSV for our compliance team. Right now we copy it by hand.",
      "Please add support for ARM (Graviton) node pools when creating clusters. We would save a lot of money.",
      "Would be nice to have a dark mode in the dashboard, our on-call engineers work at night.",
      "We would like Ankra to post deploy and rollback events to a Slack channel. Is this on the roadmap?",
      "Could you add the possibility to map OIDC groups to Kubernetes RBAC roles from the UI?",
      "A cost breakdown per namespace or team label would help us with internal charge-back.",
      "We want to schedule Kubernetes upgrades for the weekend maintenance window instead of starting them manually.",
      "Is there a Terraform provider planned? We manage everything else as code.",
      "Feature idea: a one-click rollback to the previous stack revision.",
      "Please add support for the Gateway API (HTTPRoute) in the ingress section."],
     45)

# --- account ------------------------------------------------------------------------------
scen("account", ["medium", "high", "low", "medium"],
     ["Cannot log in with SSO", "SSO login loop after IdP change", "API token stopped working",
      "Need to transfer organisation ownership", "Invite email never arrives", "Locked out after 2FA reset",
      "Remove former employee from organisation", "How do I rotate my API token?"],
     ["Since this morning nobody in our organisation can log in via SSO (Okta). We get redirected back to the login page "
      "in a loop. Password login is disabled for us.",
      "My API token returns 401 Unauthorized for every request, although it was created last week and not revoked.",
      "Our admin {person} left the company. Please transfer the ownership of the organisation to me.",
      "I invited {n} colleagues to the organisation but none of them received the invitation email. Checked spam.",
      "I lost my phone and can't pass two-factor authentication. How can I regain access to my account?",
      "Please remove {person} from our organisation, they left the company and I can't do it as I'm not an owner.",
      "How do I create a personal access token for the CLI, and can I limit it to one organisation?",
      "After our IdP certificate rotation, SAML login fails with 'invalid signature'."],
     40)

# --- billing -------------------------------------------------------------------------------
scen("billing", ["medium", "low", "medium", "high"],
     ["Invoice {inv} is wrong", "Charged twice this month", "Question about my invoice",
      "Update billing address and VAT number", "Credit card charged after cancellation",
      "Change plan from Pro to Enterprise", "Need a copy of the invoice for {month}"],
     ["Invoice {inv} lists {n} clusters but we only had 3 during {month}. Please correct it.",
      "We were charged twice ({amount} EUR) for the same month on our credit card. Please refund the duplicate payment.",
      "Can you explain the line 'additional nodes' on our latest invoice? The amount of {amount} is much higher than expected.",
      "Please update our billing address and add our VAT number DE{n}4567890 to future invoices.",
      "We cancelled our subscription in {month} but our card was still charged {amount}.",
      "We want to upgrade from the Pro plan to Enterprise. How does the pricing work for the remaining months?",
      "Our accounting needs a PDF copy of the invoice for {month}, the download link in the portal gives an error."],
     40)

# --- other -------------------------------------------------------------------------------
scen("other", ["low", "low", "medium"],
     ["Question about data retention", "Where is our data hosted?", "Do you have a SOC 2 report?",
      "Partnership inquiry", "Training for our team", "Best practice question: namespaces per team?",
      "Documentation link broken", "Maintenance window notification"],
     ["How long do you keep logs and metrics collected by the Ankra agent?",
      "For our GDPR assessment we need to know in which regions the Ankra control plane stores data.",
      "Our security team asks for your SOC 2 Type II report and a pentest summary.",
      "We are a consultancy and would like to talk about a partnership.",
      "Do you offer onboarding training for a team of {n} engineers?",
      "General question: should we use one namespace per team or per application? What do other customers do?",
      "The link to the backup guide in the docs returns a 404 page.",
      "Will the maintenance announced for next week affect our running workloads?"],
     32)


CRITICAL_SIGNS = ["production is down", "production down", "checkout is down", "is down", "all customers",
                  "data loss", "production outage", "nobody in our organisation", "all ingress traffic"]


def make(sc):
    subject = fill(pick(sc["subjects"]))
    desc = fill(pick(sc["descriptions"]))
    extra = pick(sc["extras"]) if sc["extras"] else ""
    if extra:
        desc = desc + "\n" + fill(extra).strip("\n")
    r = rng.random()
    if r < 0.12 and sc["category"] in ("technical", "bug"):
        desc += fill(" We tried restarting the pods and deleting the replica set, no change.")
    elif r < 0.2:
        desc += fill(" Thanks, {person}")
    # Severity follows what the text says (as a support engineer would set it), otherwise the
    # scenario's usual range without "critical".
    text = (subject + " " + desc).lower()
    if any(k in text for k in CRITICAL_SIGNS):
        sev = "critical" if sc["category"] in ("technical", "bug") else "high"
    else:
        sev = pick([s for s in sc["severities"] if s != "critical"] or ["high"])
    status = rng.choices(["open", "triaging", "in_progress", "waiting_customer", "resolved", "closed"],
                         [3, 1, 2, 1, 4, 3])[0]
    return {"subject": subject, "description": desc, "category": sc["category"], "severity": sev,
            "status": status}


def main():
    rows = []
    seen = set()
    for sc in S:
        made = 0
        tries = 0
        while made < sc["count"] and tries < sc["count"] * 20:
            tries += 1
            t = make(sc)
            key = (t["subject"], t["description"])
            if key in seen:
                continue
            seen.add(key)
            rows.append(t)
            made += 1
    rng.shuffle(rows)
    for t in rows:
        print(json.dumps(t, ensure_ascii=False))


if __name__ == "__main__":
    main()
