import { describe, expect, it, vi } from "vitest";
import { folderOptions } from "../../src/cli/folderOptions.js";
import type { CheckedScenario } from "../../src/loadChecked.js";

describe("the folder options stress, min-budget and frontier share", () => {
  const opts = { with: ["cut.yaml"], allowOutside: [], out: "o", force: true, bom: false, xlsx: false };

  it("pass the folder flags through and print the loader's notes before the solve", () => {
    const request = folderOptions(opts);
    expect(request).toMatchObject({ overlays: ["cut.yaml"], allowOutside: [], out: "o", force: true, bom: false, xlsx: false });
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    request.onLoaded!({ notices: [{ en: "data/预算.csv was read as GBK/GB18030", zh: "data/预算.csv 按 GBK/GB18030读取" }] } as CheckedScenario);
    expect(write).toHaveBeenCalledWith("note: data/预算.csv was read as GBK/GB18030\n");
    write.mockRestore();
  });

  it("print nothing with --quiet", () => {
    expect(folderOptions({ ...opts, quiet: true }).onLoaded).toBeUndefined();
  });
});
