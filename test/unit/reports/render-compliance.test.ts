// The compliance report's renderings carry the same figures: JSON is the contract object, CSV is one
// measure per line for publication, the text table reads in a terminal, the HTML page stands alone.
import { describe, expect, it } from 'vitest';
import { computeComplianceReport } from '../../../src/reports/compliance.js';
import {
  csvField, renderComplianceCsv, renderComplianceHtml, renderComplianceJson, renderComplianceText,
} from '../../../src/reports/render-compliance.js';
import { NOW, QUARTER } from './quarter-fixture.js';

const report = computeComplianceReport(QUARTER, { from: '2025-01-01', to: '2025-03-31', now: NOW });

describe('renderings', () => {
  it('JSON is the report, one line', () => {
    const json = renderComplianceJson(report);
    expect(json.endsWith('}\n') && json.split('\n')).toHaveLength(2);
    expect(JSON.parse(json)).toEqual(report);
  });

  it('the text table lists each measure with its figure', () => {
    const text = renderComplianceText(report);
    expect(text).toContain('Compliance report: requests received 2025-01-01 to 2025-03-31 (as at 2025-04-15)');
    expect(text).toMatch(/Requests received \(FOI and EIR\)\s+24\n/);
    expect(text).toMatch(/On time \(%\)\s+84\.2\n/);
    expect(text).toMatch(/ICO timeliness band\s+unsatisfactory \(under 90%\)\n/);
  });

  it('CSV has one row per measure, quoted per RFC 4180 and safe in spreadsheets', () => {
    const lines = renderComplianceCsv(report).split('\r\n');
    expect(lines[0]).toBe('period_from,period_to,mailbox,section,measure,value');
    expect(lines).toContain('2025-01-01,2025-03-31,all,summary,Requests received (FOI and EIR),24');
    expect(lines).toContain('2025-01-01,2025-03-31,all,timeliness,Within a permitted extension,2');
    expect(lines).toContain('2025-01-01,2025-03-31,all,provisions,s40(2),3');
    expect(lines).toContain('2025-01-01,2025-03-31,all,sic_foisa,Exemption s38,1');
    expect([csvField('a,b'), csvField('say "hi"'), csvField('=SUM(A1)'), csvField('-3')]).toEqual(['"a,b"', '"say ""hi"""', "'=SUM(A1)", '-3']);
  });

  it('HTML: one page, no script, every chart named for screen readers with a captioned table of its figures', () => {
    const html = renderComplianceHtml(report, 'Anytown <Council>');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).not.toMatch(/<script|src=|href="http/i);
    expect(html).toContain('Anytown &lt;Council&gt;');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="(chart-[a-z-]+)-title \1-desc"/);
    expect(html.match(/<figure>/g)).toHaveLength(4);
    expect(html).toContain('<desc id="chart-on-time-desc">2025-01: 88.9% on time; 2025-02: 87.5% on time; 2025-03: 50% on time. Reference lines at 95% (good) and 90% (adequate).</desc>');
    expect(html).toContain('<caption>Requests answered on time, by month of receipt</caption>');
    expect(html).toContain('<tr><th scope="row">2025-01</th><td>9</td><td>8</td><td>1</td><td>88.9</td></tr>');
    expect(html).toContain('90% (adequate), dashed');
    // Every table has a caption and column headers with scope.
    expect(html.match(/<table/g)?.length).toBe(html.match(/<caption>/g)?.length);
    expect(html).not.toMatch(/<th>/);
  });

  it('HTML for an empty period says so instead of drawing nothing', () => {
    const empty = computeComplianceReport([], { from: '2030-01-01', to: '2030-03-31', now: NOW });
    const html = renderComplianceHtml(empty, 'Anytown Council');
    expect(html).toContain('No request received in the period has been answered yet.');
    expect(html).toContain('<desc id="chart-outcomes-desc">Granted in full: 0;');
    expect(html).toContain('<desc id="chart-exemptions-desc">No figures in this period.</desc>');
  });
});
