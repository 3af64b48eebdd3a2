// Derives ../americas-natural-earth-10m.geojson from Natural Earth 1:10m admin-0 countries as
// packaged in world-atlas (TopoJSON). Usage: npm ci && node derive.mjs > ../americas-natural-earth-10m.geojson
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature, mesh } from "topojson-client";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-10m.json"), "utf8"));

// UN M49 region 019 (Americas), ISO 3166-1 alpha-3.
const AMERICAS = new Set(("AIA ATG ARG ABW BHS BRB BLZ BMU BOL BES BRA VGB CAN CYM CHL COL CRI CUB CUW " +
  "DMA DOM ECU SLV FLK GUF GRL GRD GLP GTM GUY HTI HND JAM MTQ MEX MSR NIC PAN PRY PER PRI BLM KNA " +
  "LCA MAF SPM VCT SXM SUR TTO TCA USA VIR URY VEN SGS UMI").split(" "));
// Countries whose Natural Earth geometry has American parts besides others (French Guiana,
// the Caribbean Netherlands): only their parts west of 25° W are kept.
const PARTLY = new Set(["FRA", "NLD"]);
const WEST_OF = -25;

const geoms = topology.objects.countries.geometries;
const iso = (g) => (g.id ? countries.numericToAlpha3(g.id) : undefined);
const kept = new Map(); // geometry -> alpha3
for (const g of geoms) {
  const a3 = iso(g);
  if (a3 && (AMERICAS.has(a3) || PARTLY.has(a3))) kept.set(g, a3);
}

const round = (c) => [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4];
const centreLon = (ring) => (Math.min(...ring.map((c) => c[0])) + Math.max(...ring.map((c) => c[0]))) / 2;

const countryFeatures = [];
const areas = new Map(); // alpha3 -> list of polygons (rings)
for (const [g, a3] of kept) {
  const f = feature(topology, g);
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const parts = polys.filter((p) => centreLon(p[0]) < WEST_OF && centreLon(p[0]) > -180);
  if (parts.length === 0) continue;
  areas.set(a3, parts);
  countryFeatures.push({
    type: "Feature",
    properties: { iso_a3: a3, name: g.properties.name },
    geometry: { type: "MultiPolygon", coordinates: parts.map((p) => p.map((r) => r.map(round))) },
  });
}

function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function inCountry(a3, x, y) {
  return (areas.get(a3) || []).some((p) => inRing(x, y, p[0]) && !p.slice(1).some((h) => inRing(x, y, h)));
}
// Which of a, b lies left of the line (walking in coordinate order)? Tests points 2 km either side
// of segment midpoints until one side is decided.
function sides(line, a, b) {
  for (let k = 0; k + 1 < line.length; k++) {
    const i = (Math.floor(line.length / 2) + k) % (line.length - 1);
    const [x0, y0] = line[i], [x1, y1] = line[i + 1];
    const cos = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
    const dx = (x1 - x0) * cos, dy = y1 - y0, len = Math.hypot(dx, dy);
    if (len === 0) continue;
    const d = 2000 / 111320; // 2 km in degrees of latitude
    const lx = (x0 + x1) / 2 + (-dy / len) * d / cos, ly = (y0 + y1) / 2 + (dx / len) * d;
    const rx = (x0 + x1) / 2 + (dy / len) * d / cos, ry = (y0 + y1) / 2 + (-dx / len) * d;
    if (inCountry(a, lx, ly) && inCountry(b, rx, ry)) return [a, b];
    if (inCountry(b, lx, ly) && inCountry(a, rx, ry)) return [b, a];
  }
  return ["UNKNOWN", "UNKNOWN"];
}

const pairs = new Set();
const neighbours = (a, b) => kept.has(a) && kept.has(b) && kept.get(a) !== kept.get(b);
const lineFeatures = [];
for (const g of kept.keys()) {
  for (const h of kept.keys()) {
    const [p, q] = [kept.get(g), kept.get(h)];
    if (p >= q || pairs.has(p + q)) continue;
    const m = mesh(topology, topology.objects.countries, (a, b) => neighbours(a, b) &&
      ((a === g && b === h) || (a === h && b === g)));
    if (!m || m.coordinates.length === 0) continue;
    pairs.add(p + q);
    for (const line of m.coordinates) {
      if (line.every((c) => c[0] >= WEST_OF)) continue;
      const [left, right] = sides(line, p, q);
      lineFeatures.push({
        type: "Feature",
        properties: { name: `${p}-${q}`, left, right },
        geometry: { type: "LineString", coordinates: line.map(round) },
      });
    }
  }
}
lineFeatures.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
countryFeatures.sort((a, b) => a.properties.iso_a3.localeCompare(b.properties.iso_a3));

const out = { type: "FeatureCollection", features: [...lineFeatures, ...countryFeatures] };
process.stdout.write("{\"type\":\"FeatureCollection\",\"features\":[\n" +
  out.features.map((f) => JSON.stringify(f)).join(",\n") + "\n]}\n");
process.stderr.write(`${countryFeatures.length} countries, ${lineFeatures.length} border lines, ` +
  `${[...pairs].length} neighbour pairs\n`);
