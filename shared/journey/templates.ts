import type { ExperienceCategory, LaneRole } from '../model/journey-records.ts';

/**
 * Map templates, from the articles: data, not code paths. Adding a template is adding one
 * definition to TEMPLATES.
 */
export interface StageDefinition {
  readonly name: string;
  readonly category?: ExperienceCategory;
}

export interface LaneDefinition {
  readonly name: string;
  readonly role: LaneRole;
  readonly height?: number;
}

export interface TemplateDefinition {
  readonly id: string;
  readonly name: string;
  /** One sentence for the new-map dialog. */
  readonly description: string;
  /** The article the template follows, named for the dialog; empty for none. */
  readonly source: string;
  readonly stages: readonly StageDefinition[];
  readonly lanes: readonly LaneDefinition[];
  /** Show the experience category bands over the stage headers. */
  readonly showCategories?: boolean;
  /** Offer the connected customer continuum (seed 000). */
  readonly connected?: boolean;
}

/** The lanes practitioners use, in the order they are usually read. */
export const PRACTITIONER_LANES: readonly LaneDefinition[] = [
  { name: 'Customer actions', role: 'actions' },
  { name: 'Touchpoints', role: 'touchpoints' },
  { name: 'Channels', role: 'channels' },
  { name: 'Thoughts and feelings', role: 'thoughts' },
  { name: 'Emotion', role: 'emotion', height: 180 },
  { name: 'Breakdown points', role: 'breakdowns' },
  { name: 'Opportunities', role: 'opportunities' },
  { name: 'Backstage (employees and systems)', role: 'backstage' },
  { name: 'Metrics', role: 'metrics' },
];

export const TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'blank',
    name: 'Blank',
    description: 'An empty board: add stages and lanes as the workshop needs them.',
    source: '',
    stages: [],
    lanes: [],
  },
  {
    id: 'customer-experience',
    name: 'Customer experience stages',
    description:
      'Eight stages from brand awareness to referral, grouped into discovery, relationship, purchase and follow-up experiences, with customer service as a thread through all of them.',
    source: 'The Ideal Customer Experience',
    stages: [
      { name: 'Brand awareness', category: 'discovery' },
      { name: 'Interest', category: 'discovery' },
      { name: 'A taste of the offering', category: 'relationship' },
      { name: 'Purchase', category: 'purchase' },
      { name: 'Use', category: 'purchase' },
      { name: 'Post-purchase', category: 'follow-up' },
      { name: 'Repeat purchases', category: 'follow-up' },
      { name: 'Referral', category: 'follow-up' },
    ],
    lanes: [...PRACTITIONER_LANES, { name: 'Customer service', role: 'customer-service' }],
    showCategories: true,
  },
  {
    id: 'lifecycle',
    name: 'Experience lifecycle',
    description:
      'Introduction, growth and maturity: the loyalty stage that renews the relationship or lets it decline.',
    source: 'The customer experience lifecycle',
    stages: [{ name: 'Introduction' }, { name: 'Growth' }, { name: 'Maturity' }],
    lanes: PRACTITIONER_LANES,
  },
  {
    id: 'connected',
    name: 'Connected customer',
    description:
      'Recognize, request, respond, repeat, with the map placed on the continuum from customer-controlled to business-controlled.',
    source: 'The connected customer experience',
    stages: [{ name: 'Recognize' }, { name: 'Request' }, { name: 'Respond' }, { name: 'Repeat' }],
    lanes: PRACTITIONER_LANES,
    connected: true,
  },
];

export const templateById = (id: string): TemplateDefinition | undefined =>
  TEMPLATES.find((template) => template.id === id);
