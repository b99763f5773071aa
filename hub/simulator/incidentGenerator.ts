// Everyday cases across the city: where (weighted toward the dense core), what (the board
// mix of INCIDENT_KINDS), how bad (mostly 3–4) and who reports it (a grid worker or the street).
import type { z } from 'zod';
import type { IncidentReport } from '../../shared/protocol/commands';
import { CITY_CODE } from '../../shared/domain/units';
import { CORE_DISTRICTS } from '../catalog';
import type { Hierarchy, LngLat, Random, UnitRecord } from '../hierarchy';
import { roundLngLat } from '../hierarchy';
import { INCIDENT_KINDS, type IncidentKind } from './incidentKinds';

export type IncidentReportInput = z.infer<typeof IncidentReport>;

export type Reporter = 'grid' | 'street' | 'district';

export interface ReportOptions {
  severity?: number;
  title?: string;
  source?: string;
  /** Who files it; by default a grid worker (70%) or the street. */
  reporter?: Reporter;
}

export interface PlannedReport {
  asUnit: string;
  cmd: IncidentReportInput;
}

export class IncidentGenerator {
  private readonly communities: UnitRecord[] = [];
  private readonly cumulativeWeights: number[] = [];
  private readonly kindWeights: [IncidentKind, number][] = INCIDENT_KINDS.map((k) => [k, k.weight]);

  constructor(
    private readonly hierarchy: Hierarchy,
    private readonly random: Random,
    private readonly isHumanStaffed: (unit: string) => boolean,
  ) {
    let total = 0;
    for (const district of hierarchy.children(CITY_CODE)) {
      for (const street of hierarchy.children(district.code)) {
        const weight = (CORE_DISTRICTS.has(district.code) ? 3 : 1) * (street.name.endsWith('街道') ? 2 : 1);
        for (const community of hierarchy.children(street.code)) {
          total += weight;
          this.communities.push(community);
          this.cumulativeWeights.push(total);
        }
      }
    }
  }

  /** A report somewhere in the city, or undefined when every candidate reporter is staffed. */
  next(): PlannedReport | undefined {
    const kind = this.random.weighted(this.kindWeights);
    const community = this.pickCommunity();
    const location = roundLngLat([
      community.centroid[0] + this.random.normal() * 0.0025,
      community.centroid[1] + this.random.normal() * 0.002,
    ]);
    return this.plan(kind, location);
  }

  /** A report of `kind` at `location`, filed by the grid, street or district containing it. */
  plan(kind: IncidentKind, location: LngLat, options: ReportOptions = {}): PlannedReport | undefined {
    const chain = this.hierarchy.locate(location);
    const asUnit = this.reporterFor(chain, options.reporter);
    if (!asUnit) return undefined;
    const place = this.hierarchy.get(chain[3] ?? chain[chain.length - 1] ?? CITY_CODE)?.name ?? '';
    return {
      asUnit,
      cmd: {
        type: 'incident.report',
        title: options.title ?? `${place} ${this.random.pick(kind.titles)}`,
        kind: kind.kind,
        board: kind.board,
        severity: options.severity ?? this.random.weighted(kind.severity.map((w, i) => [i + 1, w] as const)),
        location,
        source: options.source ?? kind.source,
      },
    };
  }

  /** Grid workers file most reports; street patrols the rest. A staffed unit is never played. */
  private reporterFor(chain: string[], reporter?: Reporter): string | undefined {
    const grid = chain[4];
    const street = chain[2];
    if (reporter === 'district') return [chain[1]].find((unit): unit is string => !!unit && !this.isHumanStaffed(unit));
    const gridFirst = reporter ? reporter === 'grid' : this.random.chance(0.7);
    const preferred = gridFirst ? [grid, street] : [street, grid];
    return preferred.find((unit): unit is string => !!unit && !this.isHumanStaffed(unit));
  }

  private pickCommunity(): UnitRecord {
    const total = this.cumulativeWeights[this.cumulativeWeights.length - 1] ?? 0;
    const roll = this.random.next() * total;
    let low = 0;
    let high = this.cumulativeWeights.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulativeWeights[mid] as number) <= roll) low = mid + 1;
      else high = mid;
    }
    return this.communities[low] as UnitRecord;
  }
}

export function incidentKind(kind: string): IncidentKind {
  const found = INCIDENT_KINDS.find((k) => k.kind === kind);
  if (!found) throw new Error(`unknown incident kind ${kind}`);
  return found;
}
