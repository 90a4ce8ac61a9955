// Monte Carlo re-optimisation in native CLP (Debian coinor-libclp-dev), as the engine does it in
// HiGHS-WASM (src/montecarlo/reoptimize.ts): one model held warm; its own optimum's basis kept as
// the anchor; per draw, the draw's coefficient and row-bound changes, the shortfall stage by primal
// simplex from the anchor basis, its optimum held on the fix row, the cost stage by warm primal
// simplex. Reads the file bench/nativeReoptimize.ts writes; prints each draw's stage optima and the
// draw loop's time. Built and run by `npm run bench -- --only mc` when g++ and CLP are installed.
#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <vector>

struct Change { int row, col; double value; };
struct RowBound { int row; double lb, ub; };

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: clpReoptimize problem.txt\n"); return 2; }
  std::ifstream in(argv[1]);
  int n, m, draws;
  double rel, abs, zero;
  in >> n >> m >> rel >> abs >> zero;
  std::vector<double> colLb(n), colUb(n), rowLb(m + 1), rowUb(m + 1);
  for (int j = 0; j < n; j++) in >> colLb[j] >> colUb[j];
  std::vector<int> rowIdx, colIdx;
  std::vector<double> value;
  for (int i = 0; i < m; i++) {
    int k;
    in >> rowLb[i] >> rowUb[i] >> k;
    for (int t = 0; t < k; t++) { int v; double c; in >> v >> c; rowIdx.push_back(i); colIdx.push_back(v); value.push_back(c); }
  }
  std::vector<std::vector<double>> objective(2, std::vector<double>(n, 0.0));
  for (int s = 0; s < 2; s++) {
    int k;
    in >> k;
    for (int t = 0; t < k; t++) { int v; double c; in >> v >> c; objective[s][v] += c; }
  }
  // The fix row (row m) holds the shortfall stage's optimum while the cost stage is solved.
  for (int j = 0; j < n; j++) if (objective[0][j] != 0) { rowIdx.push_back(m); colIdx.push_back(j); value.push_back(objective[0][j]); }
  rowLb[m] = -COIN_DBL_MAX; rowUb[m] = COIN_DBL_MAX;
  in >> draws;
  std::vector<std::vector<Change>> changes(draws);
  std::vector<std::vector<RowBound>> bounds(draws);
  for (int d = 0; d < draws; d++) {
    int k;
    in >> k; changes[d].resize(k);
    for (auto& c : changes[d]) in >> c.row >> c.col >> c.value;
    in >> k; bounds[d].resize(k);
    for (auto& b : bounds[d]) in >> b.row >> b.lb >> b.ub;
  }
  if (!in) { std::fprintf(stderr, "clpReoptimize: cannot read %s\n", argv[1]); return 2; }

  CoinPackedMatrix matrix(true, rowIdx.data(), colIdx.data(), value.data(), (int)value.size());
  ClpSimplex model;
  model.setLogLevel(0);
  model.loadProblem(matrix, colLb.data(), colUb.data(), objective[0].data(), rowLb.data(), rowUb.data());
  model.setPrimalTolerance(1e-9);
  model.setDualTolerance(1e-9);
  auto fixBound = [&](double v) { return std::fabs(v) <= zero ? 0.0 : v + rel * std::fabs(v) + abs; };
  auto setObjective = [&](int s) { for (int j = 0; j < n; j++) model.setObjectiveCoefficient(j, objective[s][j]); };
  // Both stages from the current basis; returns false unless both are optimal.
  auto stages = [&](double& first, double& second, long& iterations) {
    model.setRowUpper(m, COIN_DBL_MAX);
    setObjective(0);
    model.primal();
    iterations += model.numberIterations();
    if (model.status() != 0) return false;
    first = model.objectiveValue();
    model.setRowUpper(m, fixBound(first));
    setObjective(1);
    model.primal();
    iterations += model.numberIterations();
    second = model.objectiveValue();
    return model.status() == 0;
  };
  double first, second;
  long iterations = 0;
  if (!stages(first, second, iterations)) { std::fprintf(stderr, "clpReoptimize: the anchor is not optimal\n"); return 1; }
  std::vector<unsigned char> anchor(model.statusArray(), model.statusArray() + n + m + 1);
  iterations = 0;
  auto start = std::chrono::steady_clock::now();
  for (int d = 0; d < draws; d++) {
    // Changes are absolute: every draw sets the same coefficients and row bounds.
    for (auto& c : changes[d]) model.modifyCoefficient(c.row, c.col, c.value);
    for (auto& b : bounds[d]) { model.setRowLower(b.row, b.lb); model.setRowUpper(b.row, b.ub); }
    model.copyinStatus(anchor.data());
    bool ok = stages(first, second, iterations);
    std::printf("draw %d %s %.17g %.17g\n", d, ok ? "optimal" : "not_optimal", first, second);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("loop %d %.6f %ld\n", draws, seconds, iterations);
  return 0;
}
