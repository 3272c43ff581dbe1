// Validates Kubernetes objects against the API schemas that kubernetes-models is generated from (types, enums,
// required fields, formats), and strictly: a field the schema does not know (a typo such as "readinesProbe") is an
// error too, as kubectl's --validate=strict would say. Input: a JSON file holding an array of objects.
// Output (stdout): a JSON array of {index, kind, name, errors}, empty when every object is valid.
//
// Strictness without the raw schemas: the generated validators read every property they know by name and
// enumerate the keys of free-form maps (labels, ConfigMap data, resource quantities). Validating a proxy that
// records those reads tells, for each object in the document, which of its keys the schema knows.
import { readFileSync } from "node:fs";

const [, , file] = process.argv;
const objects = JSON.parse(readFileSync(file, "utf8"));

// "apps/v1" -> kubernetes-models/apps/v1, the core group "v1" -> kubernetes-models/v1
async function modelOf(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

function watched(target, reads) {
  if (target === null || typeof target !== "object") {
    return target;
  }
  if (reads.has(target)) {
    return reads.get(target).proxy;
  }
  const seen = { keys: new Set(), enumerated: false };
  reads.set(target, seen);
  seen.proxy = new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === "string") {
        seen.keys.add(key);
      }
      return watched(Reflect.get(obj, key, receiver), reads);
    },
    ownKeys(obj) {
      seen.enumerated = true;
      return Reflect.ownKeys(obj);
    },
    getOwnPropertyDescriptor(obj, key) {
      seen.enumerated = true;
      return Reflect.getOwnPropertyDescriptor(obj, key);
    },
  });
  return seen.proxy;
}

function unknownFields(node, reads, path, found) {
  if (node === null || typeof node !== "object") {
    return;
  }
  const seen = reads.get(node);
  for (const [key, value] of Object.entries(node)) {
    const where = `${path}/${key}`;
    if (!Array.isArray(node) && seen && !seen.enumerated && !seen.keys.has(key)) {
      found.push(`${where}: unknown field "${key}"`);
    } else {
      unknownFields(value, reads, where, found);
    }
  }
}

const report = [];
for (const [index, object] of objects.entries()) {
  const kind = object?.kind;
  const name = object?.metadata?.name;
  const errors = [];
  const Model = object?.apiVersion && kind ? await modelOf(object.apiVersion, kind) : undefined;
  if (!Model) {
    errors.push(`no schema for apiVersion ${object?.apiVersion} kind ${kind}`);
  } else {
    const reads = new Map();
    try {
      Model.prototype.validate.call(watched(object, reads));
    } catch (e) {
      for (const detail of e.errors ?? [{ instancePath: "", message: e.message }]) {
        errors.push(`${detail.instancePath || "/"}: ${detail.message}${detail.params ? " " + JSON.stringify(detail.params) : ""}`);
      }
    }
    unknownFields(object, reads, "", errors);
  }
  if (errors.length > 0) {
    report.push({ index, kind, name, errors });
  }
}
process.stdout.write(JSON.stringify(report));
