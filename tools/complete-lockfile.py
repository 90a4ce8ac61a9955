# Adds lockfile entries for platform-specific optional packages (e.g. @rollup/rollup-darwin-x64)
# that this registry mirror does not serve: npm then leaves them out of package-lock.json and
# `npm ci` refuses the lock as out of sync. The entries carry os/cpu so npm skips them here.
# Usage: python3 tools/complete-lockfile.py [package-lock.json] (after any `npm install`).
import json, re, sys
p = sys.argv[1] if len(sys.argv) > 1 else "package-lock.json"
lock = json.load(open(p))
pk = lock["packages"]
added = []
for path, meta in list(pk.items()):
    for dep, ver in (meta.get("optionalDependencies") or {}).items():
        key = f"node_modules/{dep}"
        if key in pk:
            continue
        name = dep.split("/")[-1]
        os_ = next((o for o in ["android","darwin","freebsd","linux","win32","openbsd","openharmony","sunos","aix","netbsd"] if o in name), None)
        cpu = next((c for c in ["arm64","x64","ia32","arm","ppc64","riscv64","s390x","loong64","mips64el","wasm32"] if re.search(r"(^|-)"+c+r"($|-)", name)), None)
        entry = {"version": ver, "dev": meta.get("dev", False), "optional": True}
        if cpu: entry["cpu"] = [cpu]
        if os_: entry["os"] = [os_]
        if "musl" in name: entry["libc"] = ["musl"]
        elif "gnu" in name and os_ == "linux": entry["libc"] = ["glibc"]
        if not entry["dev"]: del entry["dev"]
        pk[key] = entry
        added.append(key)
lock["packages"] = dict(sorted(pk.items(), key=lambda kv: (kv[0] != "", kv[0])))
json.dump(lock, open(p, "w"), indent=2)
open(p, "a").write("\n")
print("added", len(added), added[:5])
