// The output formats of `sourced check`: a new format is one file and one entry here.
import type { CheckReport } from '../checkReport';
import { htmlFormat } from './htmlReport';
import { jsonFormat } from './json';
import { sarifFormat } from './sarif';
import { textFormat } from './text';

export type Formatter = (report: CheckReport) => string;

export const FORMATS: Record<string, Formatter> = {
  text: textFormat,
  json: jsonFormat,
  sarif: sarifFormat,
  html: htmlFormat,
};
