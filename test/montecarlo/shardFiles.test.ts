import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readShardFolder } from "../../src/montecarlo/shardFiles.js";
import { tempDirs } from "../helpers/tempDirs.js";

const tmp = tempDirs("shard-files");

describe("readShardFolder: what merge is given", () => {
  it("says a folder that does not exist does not exist, and a folder without shard.json is no shard", () => {
    const dir = tmp();
    expect(() => readShardFolder(join(dir, "nonexist"))).toThrow(/nonexist does not exist/);
    mkdirSync(join(dir, "plain"));
    expect(() => readShardFolder(join(dir, "plain"))).toThrow(/plain is not a shard results folder \(no shard\.json/);
  });
});
