// The export dialog's shared types: the program, what it hands over, and the user's choices.
import type { ExportPreview, ExportResult, ExportTargetView } from '../../../../shared/schemas/export-desk';
import type { ColorLabel } from '../../../../shared/schemas/photos';
import type { useExports } from './exports-store';

export type TargetId = ExportTargetView['id'];
export type Mode = 'text' | 'file' | 'sidecars' | 'copy';
export type RatingChoice = 'photo' | 'keep' | number;
export type LabelChoice = 'photo' | 'keep' | ColorLabel;

export interface Choices {
  withExtension: boolean;
  format: 'list' | 'csv';
  rating: RatingChoice;
  label: LabelChoice;
  captureOneLabel: ColorLabel;
  photoMechanic: 'text' | 'sidecars';
  photoMechanicRating: number;
  nextToRaw: boolean;
  folder: string;
}

export interface PanelProps {
  target: ExportTargetView;
  mode: Mode;
  choices: Choices;
  update(patch: Partial<Choices>): void;
  preview: ExportPreview;
  result: ExportResult | null;
  running: ReturnType<typeof useExports.getState>['running'];
  folderError: string | undefined;
  onStart(): void;
  onPickSmartCollection(): void;
}
