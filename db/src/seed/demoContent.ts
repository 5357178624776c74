import type {
  ActionStatus,
  Axis,
  DecisionKind,
  IndicatorDirection,
  IndicatorKind,
  OrganisationKind,
  Priority,
  StageKind,
} from '@jalon/shared';

// The content of the demo dataset: public facts from /work/shared/DOMAIN.md used as they are
// (dates, figures, names of public bodies), the rest invented. Every person is a pseudonym.
// Dates without a fixed public source are offsets from "today", so the demo stays live.

export type DemoTerritoryCode = 'NL' | 'CL' | 'WN' | 'MS' | 'NA' | 'MM' | 'CH';

export const DEMO_REGIONS = [
  { code: '44', name: 'Grand Est' },
  { code: '24', name: 'Centre-Val de Loire' },
] as const;
export type DemoRegionCode = (typeof DEMO_REGIONS)[number]['code'];

/** Organisations other than the EPCIs, which come with their territory. */
export const DEMO_ORGANISATIONS: readonly { name: string; kind: OrganisationKind }[] = [
  { name: 'Région Grand Est', kind: 'region' },
  { name: 'Région Centre-Val de Loire', kind: 'region' },
  { name: 'Agence nationale de la cohésion des territoires (ANCT)', kind: 'state_service' },
  { name: 'Préfecture de la Moselle', kind: 'state_service' },
  { name: 'Préfecture de la Haute-Marne', kind: 'state_service' },
  { name: 'Préfecture des Ardennes', kind: 'state_service' },
  { name: 'Préfecture de Meurthe-et-Moselle', kind: 'state_service' },
  { name: "Préfecture d'Eure-et-Loir", kind: 'state_service' },
  { name: 'DREETS Grand Est', kind: 'state_service' },
  { name: 'Banque des Territoires', kind: 'operator' },
  { name: 'Bpifrance', kind: 'operator' },
  { name: 'Business France', kind: 'operator' },
  { name: 'ADEME', kind: 'operator' },
  { name: 'Établissement public foncier de Grand Est', kind: 'operator' },
  { name: 'AFNOR (Hub transitions)', kind: 'operator' },
  { name: 'France Travail', kind: 'employment_agency' },
  { name: "Maison de l'emploi de Moselle Sud", kind: 'employment_agency' },
  { name: "Maison de l'emploi du Grand Nancy", kind: 'employment_agency' },
  { name: "Maison de l'emploi Terres de Lorraine", kind: 'employment_agency' },
  { name: 'Nogentech', kind: 'cluster' },
  { name: 'Cosmetic Valley', kind: 'cluster' },
  { name: 'Polepharma', kind: 'cluster' },
  { name: 'MétalTech école de production', kind: 'training_body' },
  { name: 'Université de Reims Champagne-Ardenne', kind: 'training_body' },
  { name: 'École supérieure de la performance', kind: 'training_body' },
  { name: 'Union des entreprises de Moselle', kind: 'federation' },
  { name: 'UIMM Lorraine', kind: 'federation' },
  { name: 'CCI Moselle Métropole Metz', kind: 'chamber' },
  { name: 'CCI Ardennes', kind: 'chamber' },
  { name: 'GazelEnergie', kind: 'company' },
  // Invented firms, for the industrialists of the binômes.
  { name: 'Fensch Métal Services', kind: 'company' },
  { name: 'Usinage Bassigny Précision', kind: 'company' },
  { name: 'Warndt Procédés Chimiques', kind: 'company' },
  { name: 'Sarre Plast Composites', kind: 'company' },
  { name: 'Ardenne Fonderie Technologies', kind: 'company' },
  { name: 'Toul Ingénierie Mécanique', kind: 'company' },
  { name: 'Beauce Formulation Cosmétique', kind: 'company' },
];

export interface DemoPerson {
  name: string;
  email: string;
}

export interface DemoFixedMeeting {
  date: string;
  place: string;
  agenda: readonly string[];
  decisions: readonly { text: string; kind: DecisionKind; planCode?: string }[];
}

export interface DemoIndicator {
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  baseline: number;
  /** Defaults to the plan's start (or two years before today for a territory indicator). */
  baselineDate?: string;
  baselineSource: string;
  target: number;
  /** Defaults to the plan's end (or two years after today for a territory indicator). */
  targetDate?: string;
  /** Whether the measurements follow the line from baseline to target or lag behind it. */
  onTrack: boolean;
  measurementSource: string;
  decimals?: number;
}

export interface DemoTerritory {
  code: DemoTerritoryCode;
  name: string;
  slug: string;
  regionCode: DemoRegionCode;
  joinedOn: string | null;
  industrialFirms: number | null;
  industrialJobs: number | null;
  electedChair: { name: string; epci: string };
  industrialChair: { name: string; company: string };
  /** Member EPCIs, by their official name and SIREN (the reference data's). */
  epcis: readonly { name: string; siren: string }[];
  prefecture: string;
  coordinator: DemoPerson;
  /** Action owners and plan leads besides the coordinator. */
  leads: readonly DemoPerson[];
  copilPlaces: readonly string[];
  cotechPlace: string;
  fixedCopils: readonly DemoFixedMeeting[];
  indicators: readonly DemoIndicator[];
}

/** An action: a title, or a title with a status (and its justification) or a fixed due date. */
export type DemoAction =
  string | { title: string; status?: ActionStatus; comment?: string; due?: string };

export interface DemoPlan {
  territories: readonly DemoTerritoryCode[];
  code: string;
  title: string;
  summary: string;
  axis: Axis;
  priority: Priority;
  lead: string;
  partners: readonly string[];
  cofunders: readonly string[];
  /** Fixed dates from public facts, or months relative to today. */
  period: { start: string; end: string } | { startMonthsAgo: number; durationMonths: number };
  /** A closed plan has every action done. */
  closed?: boolean;
  budgetEuros: number;
  funding: readonly {
    funder: string;
    scheme: string;
    requestedEuros: number;
    grantedEuros: number;
    paidShare: number;
  }[];
  /** Actions of the three stages: état des lieux, adaptation des outils, accompagnement. */
  stages: readonly [readonly DemoAction[], readonly DemoAction[], readonly DemoAction[]];
  indicators: readonly DemoIndicator[];
  /** Led by pilote@jalon.test, who owns its actions. */
  ledByDemoPilot?: boolean;
}

export const DEMO_TERRITORIES: readonly DemoTerritory[] = [
  {
    code: 'NL',
    name: 'Nord Lorraine',
    slug: 'nord-lorraine',
    regionCode: '44',
    joinedOn: '2023-11-09',
    industrialFirms: null,
    industrialJobs: null,
    electedChair: { name: 'Bernard Kieffer', epci: 'CA du Val de Fensch' },
    industrialChair: { name: 'Isabelle Wagner', company: 'Fensch Métal Services' },
    epcis: [
      { name: 'CC Rives de Moselle', siren: '200039949' },
      { name: 'Eurométropole de Metz', siren: '200039865' },
      { name: 'CA du Val de Fensch', siren: '245701222' },
      { name: 'CA Portes de France-Thionville', siren: '245701362' },
      { name: "CC de l'Arc Mosellan", siren: '245701354' },
      { name: 'CC Bouzonvillois-Trois Frontières', siren: '200067486' },
      { name: 'CC du Pays Orne Moselle', siren: '245701271' },
      { name: 'CC de Cattenom et Environs', siren: '245700695' },
      { name: "CC du Pays Haut Val d'Alzette", siren: '245701404' },
      { name: 'CA Grand Longwy Agglomération', siren: '245400262' },
    ],
    prefecture: 'Préfecture de la Moselle',
    coordinator: { name: 'Julien Marchal', email: 'coordination@jalon.test' },
    leads: [
      { name: 'Sophie Weber', email: 'pilote@jalon.test' },
      { name: 'Karim Benali', email: 'karim.benali@jalon.test' },
      { name: 'Émilie Hoffmann', email: 'emilie.hoffmann@jalon.test' },
    ],
    copilPlaces: ['Amnéville, salle des congrès', 'Thionville, hôtel de communauté'],
    cotechPlace: 'Metz, Eurométropole (salle 2.14)',
    fixedCopils: [
      {
        date: '2024-01-30',
        place: 'Amnéville',
        agenda: [
          'Installation du comité de pilotage et présentation du binôme',
          'Présentation des 9 fiches action du plan Nord Lorraine',
          'Calendrier et gouvernance du programme 2023-2027',
        ],
        decisions: [
          {
            text: 'Le comité adopte les 9 fiches action du plan Nord Lorraine.',
            kind: 'validation',
          },
          {
            text: 'Un comité technique réunira les techniciens des 10 EPCI tous les deux mois.',
            kind: 'validation',
          },
        ],
      },
    ],
    indicators: [
      {
        name: 'PME industrielles accompagnées par le programme',
        unit: 'entreprises',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineDate: '2024-01-30',
        baselineSource: 'Comité de pilotage du 30 janvier 2024',
        target: 300,
        targetDate: '2027-12-31',
        onTrack: true,
        measurementSource: 'Tableau de suivi du chef de projet',
      },
    ],
  },
  {
    code: 'CL',
    name: 'Chaumont-Langres',
    slug: 'chaumont-langres',
    regionCode: '44',
    joinedOn: '2018-11-22',
    industrialFirms: null,
    industrialJobs: null,
    electedChair: { name: 'Michel Parisot', epci: 'CA de Chaumont' },
    industrialChair: { name: 'Nathalie Roussel', company: 'Usinage Bassigny Précision' },
    epcis: [
      { name: 'CA de Chaumont', siren: '200068658' },
      { name: 'CC du Grand Langres', siren: '200072999' },
      { name: 'CC des Savoir-Faire', siren: '200070332' },
    ],
    prefecture: 'Préfecture de la Haute-Marne',
    coordinator: { name: 'Claire Japiot', email: 'coordination.chaumont-langres@jalon.test' },
    leads: [
      { name: 'Thomas Gérardin', email: 'thomas.gerardin@jalon.test' },
      { name: 'Aurélie Mougin', email: 'aurelie.mougin@jalon.test' },
    ],
    copilPlaces: ['Chaumont, hôtel de ville', 'Langres, maison du territoire'],
    cotechPlace: 'Nogent, locaux de Nogentech',
    fixedCopils: [
      {
        date: '2023-04-14',
        place: 'Chaumont',
        agenda: [
          'Premier comité de pilotage du territoire',
          'Présentation du dispositif Rebond industriel',
          "Bilan de la première rentrée de l'école de production MétalTech",
        ],
        decisions: [
          {
            text: "Lancement du dispositif Rebond industriel, doté d'une enveloppe de 2 M€.",
            kind: 'arbitration',
            planCode: 'FA-2',
          },
          {
            text: 'MétalTech présentera au prochain comité le recrutement de sa deuxième promotion.',
            kind: 'information_request',
            planCode: 'FA-1',
          },
        ],
      },
      {
        date: '2024-04-09',
        place: 'Langres',
        agenda: [
          'Bilan du dispositif Rebond industriel',
          'Point sur la deuxième promotion de MétalTech',
          'Perspectives du cluster Nogentech',
        ],
        decisions: [
          {
            text: 'Clôture du dispositif Rebond industriel : 7 projets industriels soutenus.',
            kind: 'validation',
            planCode: 'FA-2',
          },
        ],
      },
    ],
    indicators: [
      {
        name: 'Entreprises membres du cluster Nogentech',
        unit: 'entreprises',
        kind: 'outcome',
        direction: 'increase',
        baseline: 52,
        baselineSource: 'Nogentech, rapport annuel',
        target: 60,
        onTrack: false,
        measurementSource: 'Nogentech',
      },
    ],
  },
  {
    code: 'WN',
    name: 'Warndt Naborien',
    slug: 'warndt-naborien',
    regionCode: '44',
    joinedOn: '2018-11-22',
    industrialFirms: null,
    industrialJobs: null,
    electedChair: { name: 'Patrick Zimmer', epci: 'CA Saint-Avold Synergie' },
    industrialChair: { name: 'Valérie Lang', company: 'Warndt Procédés Chimiques' },
    epcis: [
      { name: 'CA Saint-Avold Synergie', siren: '200067502' },
      { name: 'CC du Warndt', siren: '245701164' },
    ],
    prefecture: 'Préfecture de la Moselle',
    coordinator: { name: 'Mathieu Schneider', email: 'coordination.warndt-naborien@jalon.test' },
    leads: [
      { name: 'Laura Becker', email: 'laura.becker@jalon.test' },
      { name: 'Olivier Fischer', email: 'olivier.fischer@jalon.test' },
    ],
    copilPlaces: ['Saint-Avold, hôtel de communauté'],
    cotechPlace: 'Saint-Avold, pépinière d’entreprises',
    fixedCopils: [],
    indicators: [],
  },
  {
    code: 'MS',
    name: 'Moselle Sud',
    slug: 'moselle-sud',
    regionCode: '44',
    joinedOn: '2018-11-22',
    industrialFirms: null,
    industrialJobs: null,
    electedChair: { name: 'Christophe Bour', epci: 'CC Sarrebourg Moselle Sud' },
    industrialChair: { name: 'Sandrine Klein', company: 'Sarre Plast Composites' },
    epcis: [
      { name: 'CC Sarrebourg Moselle Sud', siren: '200068146' },
      { name: 'CC du Pays de Phalsbourg', siren: '245700950' },
    ],
    prefecture: 'Préfecture de la Moselle',
    coordinator: { name: 'Camille Hennequin', email: 'coordination.moselle-sud@jalon.test' },
    leads: [{ name: 'Denis Lorentz', email: 'denis.lorentz@jalon.test' }],
    copilPlaces: ['Sarrebourg, hôtel de communauté'],
    cotechPlace: "Sarrebourg, Maison de l'emploi",
    fixedCopils: [],
    indicators: [],
  },
  {
    code: 'NA',
    name: 'Nord Ardennes',
    slug: 'nord-ardennes',
    regionCode: '44',
    joinedOn: '2018-11-22',
    industrialFirms: 430,
    industrialJobs: 12_430,
    electedChair: { name: 'Jean-Luc Collignon', epci: 'CA Ardenne Métropole' },
    industrialChair: { name: 'Martine Lefort', company: 'Ardenne Fonderie Technologies' },
    epcis: [
      { name: 'CA Ardenne Métropole', siren: '200041630' },
      { name: 'CC Ardenne, Rives de Meuse', siren: '240800821' },
      { name: "CC Vallées et Plateau d'Ardenne", siren: '200067759' },
      { name: 'CC des Portes du Luxembourg', siren: '240800847' },
    ],
    prefecture: 'Préfecture des Ardennes',
    coordinator: { name: 'Anthony Lambert', email: 'coordination.nord-ardennes@jalon.test' },
    leads: [
      { name: 'Céline Dupuis', email: 'celine.dupuis@jalon.test' },
      { name: 'Romain Gillet', email: 'romain.gillet@jalon.test' },
    ],
    copilPlaces: ['Charleville-Mézières, hôtel de communauté'],
    cotechPlace: 'Charleville-Mézières, CCI Ardennes',
    fixedCopils: [],
    indicators: [
      {
        name: 'Emplois industriels du territoire',
        unit: 'emplois',
        kind: 'impact',
        direction: 'increase',
        baseline: 12_430,
        baselineSource: 'Fiche territoire (430 établissements, 25 % des emplois locaux)',
        target: 12_800,
        onTrack: false,
        measurementSource: 'URSSAF, effectifs salariés',
      },
    ],
  },
  {
    code: 'MM',
    name: 'Grand Nancy – Terres de Lorraine',
    slug: 'meurthe-et-moselle',
    regionCode: '44',
    joinedOn: '2018-11-22',
    industrialFirms: null,
    industrialJobs: null,
    electedChair: { name: 'Francis Thouvenin', epci: 'CC Terres Touloises' },
    industrialChair: { name: 'Agnès Collin', company: 'Toul Ingénierie Mécanique' },
    epcis: [
      { name: 'Métropole du Grand Nancy', siren: '245400676' },
      { name: 'CC Terres Touloises', siren: '200070563' },
      { name: 'CC Moselle et Madon', siren: '245400171' },
      { name: 'CC du Pays de Colombey et du Sud Toulois', siren: '245400510' },
      { name: 'CC du Pays du Saintois', siren: '200035772' },
    ],
    prefecture: 'Préfecture de Meurthe-et-Moselle',
    coordinator: { name: 'Hugo Perrin', email: 'coordination.meurthe-et-moselle@jalon.test' },
    leads: [
      { name: 'Laetitia Mangin', email: 'laetitia.mangin@jalon.test' },
      { name: 'Stéphane Didier', email: 'stephane.didier@jalon.test' },
    ],
    copilPlaces: ['Toul, maison des Terres de Lorraine', 'Nancy, hôtel de la Métropole'],
    cotechPlace: "Nancy, Maison de l'emploi du Grand Nancy",
    fixedCopils: [
      {
        date: '2025-01-10',
        place: 'Toul',
        agenda: [
          'Point sur la cellule territoriale de rebond',
          'Présentation de la plateforme HERACLE',
          'Bilan du comité des transitions individuelles',
        ],
        decisions: [
          {
            text: 'Le comité valide la feuille de route de la plateforme HERACLE.',
            kind: 'validation',
            planCode: 'FA-2',
          },
        ],
      },
    ],
    indicators: [],
  },
  {
    code: 'CH',
    name: 'Chartres métropole',
    slug: 'chartres',
    regionCode: '24',
    joinedOn: '2023-11-09',
    industrialFirms: null,
    industrialJobs: null,
    electedChair: { name: 'Alain Boissière', epci: 'CA Chartres Métropole' },
    industrialChair: { name: 'Caroline Vasseur', company: 'Beauce Formulation Cosmétique' },
    epcis: [{ name: 'CA Chartres Métropole', siren: '200033181' }],
    prefecture: "Préfecture d'Eure-et-Loir",
    coordinator: { name: 'Élodie Moreau', email: 'coordination.chartres@jalon.test' },
    leads: [
      { name: 'Guillaume Hébert', email: 'guillaume.hebert@jalon.test' },
      { name: 'Pauline Renard', email: 'pauline.renard@jalon.test' },
    ],
    copilPlaces: ['Chartres, hôtel de la métropole'],
    cotechPlace: 'Chartres, pôle universitaire',
    fixedCopils: [],
    indicators: [],
  },
];

// ---- People outside the territories' teams, and shortcuts -----------------------------------

export const territoryByCode = (code: DemoTerritoryCode): DemoTerritory => {
  const territory = DEMO_TERRITORIES.find((t) => t.code === code);
  if (!territory) throw new Error(`Demo territory ${code} is not defined`);
  return territory;
};

export const NORD_LORRAINE = territoryByCode('NL');
export const DEMO_PILOT = NORD_LORRAINE.leads[0] ?? {
  name: 'Sophie Weber',
  email: 'pilote@jalon.test',
};

export const ADMIN = {
  email: 'admin@jalon.test',
  name: 'Nadia Lefèvre',
  organisation: 'Agence nationale de la cohésion des territoires (ANCT)',
};
export const COMMITTEE_MEMBER = {
  email: 'copil@jalon.test',
  name: 'Marc Hollender',
  organisation: 'CC de Cattenom et Environs',
};
export const REGION_OBSERVER = {
  email: 'region@jalon.test',
  name: 'Hélène Schmitt',
  organisation: 'Région Grand Est',
  regionCode: '44',
};

/** Leads work for one of the territory's EPCIs. */
export function leadOrganisation(territory: DemoTerritory, index: number): string | null {
  return territory.epcis[(index + 1) % territory.epcis.length]?.name ?? null;
}

const BLOCKED = 'blocked' as const;
const LATE = 'late' as const;

export const DEMO_PLANS: readonly DemoPlan[] = [
  // ---- Nord Lorraine: 9 fiches action ----------------------------------------------------------
  {
    territories: ['NL'],
    code: 'FA-1',
    title: 'Observatoire partagé des besoins en compétences industrielles',
    summary:
      'Mesurer, EPCI par EPCI, les besoins en compétences des industriels et les partager avec les organismes de formation.',
    axis: 'skills',
    priority: 'high',
    lead: 'Eurométropole de Metz',
    partners: ['France Travail', 'UIMM Lorraine', 'DREETS Grand Est'],
    cofunders: ['Région Grand Est', 'Banque des Territoires'],
    period: { startMonthsAgo: 30, durationMonths: 48 },
    budgetEuros: 420_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Programme régional compétences',
        requestedEuros: 180_000,
        grantedEuros: 150_000,
        paidShare: 0.6,
      },
      {
        funder: 'Banque des Territoires',
        scheme: "Ingénierie Territoires d'industrie",
        requestedEuros: 120_000,
        grantedEuros: 120_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      [
        'Enquête auprès de 300 PME industrielles',
        'Cartographie des métiers en tension par EPCI',
        'Synthèse des besoins partagée avec le COTECH',
      ],
      [
        'Tableau de bord trimestriel des besoins',
        {
          title: 'Interconnexion avec les données de France Travail',
          status: BLOCKED,
          comment: "Convention d'échange de données en attente de signature par France Travail.",
        },
        'Fiches métiers actualisées pour les conseillers',
        'Module de prévision à trois ans',
      ],
      [
        'Présentation annuelle aux organismes de formation',
        'Ateliers EPCI de lecture des résultats',
        'Ajustement de la carte des formations avec la Région',
      ],
    ],
    indicators: [
      {
        name: 'Entreprises répondantes à l’enquête',
        unit: 'entreprises',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Lancement de l’enquête',
        target: 300,
        onTrack: true,
        measurementSource: 'Plateforme d’enquête',
      },
    ],
    ledByDemoPilot: true,
  },
  {
    territories: ['NL'],
    code: 'FA-2',
    title: 'Attractivité des métiers de l’industrie auprès des jeunes',
    summary:
      'Faire découvrir les métiers industriels aux collégiens, lycéens et demandeurs d’emploi.',
    axis: 'skills',
    priority: 'medium',
    lead: 'UIMM Lorraine',
    partners: ['France Travail', 'CCI Moselle Métropole Metz'],
    cofunders: ['Région Grand Est'],
    period: { startMonthsAgo: 28, durationMonths: 42 },
    budgetEuros: 260_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Orientation et découverte des métiers',
        requestedEuros: 150_000,
        grantedEuros: 120_000,
        paidShare: 0.7,
      },
    ],
    stages: [
      [
        'Recensement des entreprises prêtes à accueillir des visites',
        'Bilan des actions d’orientation existantes',
      ],
      [
        'Kit de présentation des métiers pour les enseignants',
        'Calendrier commun des portes ouvertes',
        { title: 'Salon des métiers industriels à Thionville', status: 'dropped' },
        'Stages de découverte en entreprise',
      ],
      [
        'Parrainage de jeunes par des salariés',
        'Suivi des jeunes orientés vers l’industrie',
        'Évaluation auprès des établissements',
      ],
    ],
    indicators: [
      {
        name: 'Jeunes ayant visité une entreprise industrielle',
        unit: 'jeunes',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Début de l’action',
        target: 2_500,
        onTrack: false,
        measurementSource: 'Inscriptions aux visites',
      },
    ],
    ledByDemoPilot: true,
  },
  {
    territories: ['NL'],
    code: 'FA-3',
    title: 'Reconversion des friches sidérurgiques en foncier industriel',
    summary:
      'Remettre sur le marché des friches de la vallée de la Fensch pour accueillir de nouvelles implantations.',
    axis: 'industrial_land',
    priority: 'high',
    lead: 'Établissement public foncier de Grand Est',
    partners: ['CA du Val de Fensch', 'CA Grand Longwy Agglomération'],
    cofunders: ['Banque des Territoires', 'ADEME'],
    period: { startMonthsAgo: 32, durationMonths: 60 },
    budgetEuros: 3_800_000,
    funding: [
      {
        funder: 'Banque des Territoires',
        scheme: 'Fonds friches',
        requestedEuros: 1_500_000,
        grantedEuros: 1_200_000,
        paidShare: 0.35,
      },
      {
        funder: 'ADEME',
        scheme: 'Dépollution des sites à responsable défaillant',
        requestedEuros: 900_000,
        grantedEuros: 800_000,
        paidShare: 0.2,
      },
    ],
    stages: [
      [
        'Inventaire des friches de plus de 2 hectares',
        'Diagnostics de pollution des sols',
        'Priorisation des sites avec les EPCI',
      ],
      [
        {
          title: 'Acquisition du site de Hayange',
          status: BLOCKED,
          comment: 'Désaccord sur le prix avec le propriétaire ; saisine du service des Domaines.',
        },
        'Dépollution du site de Florange',
        { title: 'Étude de desserte ferroviaire', status: 'to_discuss' },
        'Plan de commercialisation',
      ],
      [
        'Accueil des premiers porteurs de projet',
        'Comité d’agrément des implantations',
        'Suivi des emplois créés sur site',
      ],
    ],
    indicators: [
      {
        name: 'Surface de friches remise sur le marché',
        unit: 'ha',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Inventaire EPFGE',
        target: 45,
        onTrack: false,
        measurementSource: 'EPFGE',
        decimals: 1,
      },
    ],
  },
  {
    territories: ['NL'],
    code: 'FA-4',
    title: 'Accompagnement des PME à la décarbonation',
    summary:
      'Diagnostics énergie-carbone et plans d’action pour les PME industrielles du territoire.',
    axis: 'ecological_transition',
    priority: 'high',
    lead: 'CCI Moselle Métropole Metz',
    partners: ['ADEME', 'Bpifrance'],
    cofunders: ['ADEME', 'Région Grand Est'],
    period: { startMonthsAgo: 26, durationMonths: 40 },
    budgetEuros: 650_000,
    funding: [
      {
        funder: 'ADEME',
        scheme: 'Diagnostic Décarbon’Action',
        requestedEuros: 300_000,
        grantedEuros: 280_000,
        paidShare: 0.55,
      },
      {
        funder: 'Région Grand Est',
        scheme: 'Climaxion',
        requestedEuros: 200_000,
        grantedEuros: 150_000,
        paidShare: 0.4,
      },
    ],
    stages: [
      [
        'Repérage des PME les plus émettrices',
        'Bilan carbone simplifié de 40 PME',
        'Restitution collective des diagnostics',
      ],
      [
        'Plans d’action individuels',
        {
          title: 'Groupement d’achat d’énergie verte',
          status: LATE,
          comment: 'Consultation relancée : une seule offre reçue au premier tour.',
        },
        'Guide des aides à la décarbonation',
      ],
      [
        'Suivi des investissements réalisés',
        'Club des PME décarbonées',
        'Mesure des émissions évitées',
      ],
    ],
    indicators: [
      {
        name: 'Émissions de CO2 des PME accompagnées',
        unit: 't CO2/an',
        kind: 'impact',
        direction: 'decrease',
        baseline: 48_000,
        baselineSource: 'Bilans carbone simplifiés',
        target: 38_000,
        onTrack: true,
        measurementSource: 'Déclarations des entreprises',
      },
      {
        name: 'PME ayant engagé un plan d’action',
        unit: 'entreprises',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Début de l’action',
        target: 40,
        onTrack: true,
        measurementSource: 'CCI Moselle Métropole Metz',
      },
    ],
    ledByDemoPilot: true,
  },
  {
    territories: ['NL'],
    code: 'FA-5',
    title: 'Réseau transfrontalier de l’innovation industrielle',
    summary:
      'Relier les PME du Nord Lorraine aux centres de recherche du Luxembourg et de la Sarre.',
    axis: 'innovation',
    priority: 'medium',
    lead: 'Eurométropole de Metz',
    partners: ['Business France', 'Bpifrance', 'UIMM Lorraine'],
    cofunders: ['Bpifrance'],
    period: { startMonthsAgo: 22, durationMonths: 36 },
    budgetEuros: 310_000,
    funding: [
      {
        funder: 'Bpifrance',
        scheme: 'Accélérateur PME',
        requestedEuros: 150_000,
        grantedEuros: 100_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      ['Cartographie des laboratoires partenaires', 'Entretiens avec 30 industriels'],
      [
        'Rencontres d’affaires transfrontalières',
        {
          title: 'Fonds d’amorçage des projets collaboratifs',
          status: 'on_hold',
          comment: 'En attente de l’arbitrage budgétaire régional.',
        },
        'Plateforme de mise en relation',
      ],
      ['Accompagnement des premiers consortiums', 'Bilan et pérennisation du réseau'],
    ],
    indicators: [
      {
        name: 'Projets collaboratifs engagés',
        unit: 'projets',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Début de l’action',
        target: 12,
        onTrack: false,
        measurementSource: 'Eurométropole de Metz',
      },
    ],
  },
  {
    territories: ['NL'],
    code: 'FA-6',
    title: 'Plateforme d’écologie industrielle et territoriale',
    summary: 'Mutualiser flux de matières, chaleur fatale et déchets entre industriels voisins.',
    axis: 'ecological_transition',
    priority: 'medium',
    lead: 'CA du Val de Fensch',
    partners: ['ADEME', 'CCI Moselle Métropole Metz'],
    cofunders: ['ADEME'],
    period: { startMonthsAgo: 20, durationMonths: 36 },
    budgetEuros: 240_000,
    funding: [
      {
        funder: 'ADEME',
        scheme: 'Écologie industrielle et territoriale',
        requestedEuros: 120_000,
        grantedEuros: 96_000,
        paidShare: 0.3,
      },
    ],
    stages: [
      ['Recensement des flux de 50 sites', 'Atelier de détection des synergies'],
      [
        'Outil de cartographie des flux',
        'Étude de récupération de chaleur fatale',
        {
          title: 'Mutualisation de la collecte des déchets',
          status: LATE,
          comment:
            'Le prestataire de collecte a résilié le marché ; nouvelle consultation en cours.',
        },
      ],
      ['Mise en œuvre des 5 premières synergies', 'Animation du réseau d’industriels'],
    ],
    indicators: [
      {
        name: 'Déchets industriels valorisés localement',
        unit: 't/an',
        kind: 'outcome',
        direction: 'increase',
        baseline: 1_200,
        baselineSource: 'Recensement des flux',
        target: 6_000,
        onTrack: false,
        measurementSource: 'Déclarations des sites',
      },
    ],
  },
  {
    territories: ['NL'],
    code: 'FA-7',
    title: 'Recrutement et intégration des salariés frontaliers',
    summary:
      'Retenir les compétences attirées par le Luxembourg : recrutement, mobilité, logement.',
    axis: 'skills',
    priority: 'high',
    lead: 'France Travail',
    partners: ['CA Portes de France-Thionville', "CC du Pays Haut Val d'Alzette", 'UIMM Lorraine'],
    cofunders: ['Région Grand Est'],
    period: { startMonthsAgo: 24, durationMonths: 36 },
    budgetEuros: 380_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Programme régional compétences',
        requestedEuros: 200_000,
        grantedEuros: 160_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      ['Étude des départs de salariés vers le Luxembourg', 'Entretiens avec 20 DRH'],
      [
        'Job dating industriels à Thionville',
        'Offre de mobilité domicile-travail',
        {
          title: 'Guichet logement des nouveaux salariés',
          status: 'to_discuss',
          comment: 'Portage à arbitrer entre les EPCI.',
        },
      ],
      [
        'Parcours d’intégration en entreprise',
        'Suivi à 12 mois des recrutés',
        'Bilan avec les entreprises',
      ],
    ],
    indicators: [
      {
        name: 'Recrutements réalisés dans l’industrie',
        unit: 'recrutements',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Début de l’action',
        target: 600,
        onTrack: true,
        measurementSource: 'France Travail',
      },
    ],
    ledByDemoPilot: true,
  },
  {
    territories: ['NL'],
    code: 'FA-8',
    title: 'Offre foncière prête à l’emploi (sites clés en main)',
    summary:
      'Préparer des sites industriels aux procédures anticipées pour accueillir les projets rapidement.',
    axis: 'industrial_land',
    priority: 'medium',
    lead: 'CA Portes de France-Thionville',
    partners: ['Établissement public foncier de Grand Est', 'Business France'],
    cofunders: ['Banque des Territoires'],
    period: { startMonthsAgo: 18, durationMonths: 42 },
    budgetEuros: 1_200_000,
    funding: [
      {
        funder: 'Banque des Territoires',
        scheme: 'Sites clés en main',
        requestedEuros: 500_000,
        grantedEuros: 400_000,
        paidShare: 0.25,
      },
    ],
    stages: [
      ['Sélection de 3 sites candidats', 'Études environnementales préalables'],
      [
        'Procédures d’urbanisme anticipées',
        {
          title: 'Raccordement électrique haute tension',
          status: BLOCKED,
          comment:
            'Délai de raccordement annoncé par le gestionnaire de réseau supérieur à 36 mois.',
        },
        'Fiches sites pour les prospects',
      ],
      ['Prospection avec Business France', 'Accueil des premiers investisseurs'],
    ],
    indicators: [
      {
        name: 'Hectares de foncier prêt à l’emploi',
        unit: 'ha',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Sélection des sites',
        target: 60,
        onTrack: false,
        measurementSource: 'CA Portes de France-Thionville',
      },
    ],
  },
  {
    territories: ['NL'],
    code: 'FA-9',
    title: 'Industrie du futur : diagnostic numérique des PME',
    summary:
      'Diagnostics et accompagnement à la robotisation et au numérique des PME industrielles.',
    axis: 'innovation',
    priority: 'low',
    lead: 'Région Grand Est',
    partners: ['Bpifrance', 'CCI Moselle Métropole Metz'],
    cofunders: ['Région Grand Est', 'Bpifrance'],
    period: { startMonthsAgo: 16, durationMonths: 30 },
    budgetEuros: 450_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Industrie du futur',
        requestedEuros: 250_000,
        grantedEuros: 250_000,
        paidShare: 0.45,
      },
      {
        funder: 'Bpifrance',
        scheme: 'Diagnostic Industrie du futur',
        requestedEuros: 100_000,
        grantedEuros: 80_000,
        paidShare: 0.3,
      },
    ],
    stages: [
      ['Appel à candidatures des PME', 'Diagnostics numériques de 60 PME'],
      ['Feuilles de route numériques', 'Démonstrateur de robotique collaborative'],
      ['Accompagnement aux investissements', 'Retour d’expérience collectif'],
    ],
    indicators: [
      {
        name: 'PME diagnostiquées',
        unit: 'entreprises',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Appel à candidatures',
        target: 60,
        onTrack: true,
        measurementSource: 'Région Grand Est',
      },
    ],
  },

  // ---- Chaumont-Langres ------------------------------------------------------------------------
  {
    territories: ['CL'],
    code: 'FA-1',
    title: 'MétalTech, école de production en usinage',
    summary:
      'Première école de production du Grand Est, ouverte à Nogent le 3 octobre 2022 avec 9 élèves de 15 à 18 ans (promotion de 12 au plus), formant des usineurs. Budget de 2,4 M€ sur ses deux premières années ; la fiche suit ensuite sa montée en charge.',
    axis: 'skills',
    priority: 'high',
    lead: 'MétalTech école de production',
    partners: ['Nogentech', 'CC des Savoir-Faire', 'UIMM Lorraine'],
    cofunders: ['Région Grand Est', 'Banque des Territoires'],
    period: { start: '2022-06-01', end: '2027-06-30' },
    budgetEuros: 2_400_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Écoles de production',
        requestedEuros: 1_000_000,
        grantedEuros: 900_000,
        paidShare: 0.8,
      },
      {
        funder: 'Banque des Territoires',
        scheme: "Ingénierie Territoires d'industrie",
        requestedEuros: 600_000,
        grantedEuros: 500_000,
        paidShare: 0.9,
      },
    ],
    stages: [
      [
        'Étude des besoins en usineurs des entreprises de Nogentech',
        'Recherche des locaux à Nogent',
        { title: 'Ouverture de l’école avec 9 élèves', status: 'done', due: '2022-10-03' },
      ],
      [
        'Équipement de l’atelier d’usinage',
        'Recrutement des maîtres professionnels',
        'Commandes clients réelles pour l’atelier',
        'Deuxième promotion',
      ],
      [
        'Suivi de l’insertion des diplômés',
        'Partenariats d’apprentissage avec les entreprises',
        'Essaimage vers un second site',
      ],
    ],
    indicators: [
      {
        name: 'Élèves accueillis',
        unit: 'élèves',
        kind: 'output',
        direction: 'increase',
        baseline: 9,
        baselineDate: '2022-10-03',
        baselineSource: 'Rentrée de la première promotion',
        target: 12,
        onTrack: true,
        measurementSource: 'MétalTech',
      },
      {
        name: 'Diplômés en emploi à 6 mois',
        unit: '%',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Première promotion',
        target: 90,
        onTrack: true,
        measurementSource: 'Enquête MétalTech',
      },
    ],
  },
  {
    territories: ['CL'],
    code: 'FA-2',
    title: 'Rebond industriel',
    summary:
      'Enveloppe de 2 M€ annoncée au premier COPIL du 14 avril 2023 pour des projets industriels ; dispositif clos le 9 avril 2024 avec 7 projets.',
    axis: 'innovation',
    priority: 'high',
    lead: 'Préfecture de la Haute-Marne',
    partners: ['Nogentech', 'Bpifrance'],
    cofunders: ['Banque des Territoires', 'Bpifrance'],
    period: { start: '2023-04-14', end: '2024-04-09' },
    closed: true,
    budgetEuros: 2_000_000,
    funding: [
      {
        funder: 'Banque des Territoires',
        scheme: 'Rebond industriel',
        requestedEuros: 1_200_000,
        grantedEuros: 1_200_000,
        paidShare: 1,
      },
      {
        funder: 'Bpifrance',
        scheme: 'Rebond industriel',
        requestedEuros: 800_000,
        grantedEuros: 800_000,
        paidShare: 1,
      },
    ],
    stages: [
      [
        {
          title: 'Annonce de l’enveloppe de 2 M€ au premier COPIL',
          status: 'done',
          due: '2023-04-14',
        },
        'Appel à projets auprès des industriels',
      ],
      ['Instruction des dossiers', 'Sélection des 7 projets industriels'],
      [
        'Conventionnement des aides',
        { title: 'Clôture du dispositif', status: 'done', due: '2024-04-09' },
      ],
    ],
    indicators: [
      {
        name: 'Emplois créés ou maintenus par les 7 projets',
        unit: 'emplois',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Dossiers de candidature',
        target: 180,
        targetDate: '2027-12-31',
        onTrack: true,
        measurementSource: 'Suivi des conventions',
      },
    ],
  },
  {
    territories: ['CL'],
    code: 'FA-3',
    title: 'Nogentech : mutualisation des achats et de l’innovation',
    summary:
      'Faire du cluster Nogentech (52 entreprises) le support d’achats groupés et de projets d’innovation.',
    axis: 'innovation',
    priority: 'medium',
    lead: 'Nogentech',
    partners: ['CC des Savoir-Faire', 'Bpifrance'],
    cofunders: ['Région Grand Est'],
    period: { startMonthsAgo: 20, durationMonths: 36 },
    budgetEuros: 300_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Soutien aux clusters',
        requestedEuros: 150_000,
        grantedEuros: 120_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      ['Recensement des achats communs des 52 membres', 'Feuille de route innovation'],
      [
        'Centrale d’achats groupés',
        {
          title: 'Laboratoire de métrologie partagé',
          status: BLOCKED,
          comment: 'Cofinancement européen refusé ; recherche d’un nouveau financeur.',
        },
      ],
      ['Projets collaboratifs de R&D', 'Adhésion de nouveaux membres'],
    ],
    indicators: [
      {
        name: 'Économies sur les achats groupés',
        unit: 'k€/an',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Début de l’action',
        target: 450,
        onTrack: false,
        measurementSource: 'Nogentech',
      },
    ],
  },

  // ---- Warndt Naborien -------------------------------------------------------------------------
  {
    territories: ['WN'],
    code: 'FA-1',
    title: 'Emil’Hy : production d’hydrogène bas carbone',
    summary:
      'Reconversion du site de la centrale Émile-Huchet : 400 MW d’électrolyse, 56 000 t d’hydrogène par an et jusqu’à 448 000 t de CO2 évitées par an d’ici 2030.',
    axis: 'ecological_transition',
    priority: 'high',
    lead: 'GazelEnergie',
    partners: ['CA Saint-Avold Synergie', 'Union des entreprises de Moselle'],
    cofunders: ['ADEME', 'Région Grand Est'],
    period: { start: '2022-09-01', end: '2030-12-31' },
    budgetEuros: 6_500_000,
    funding: [
      {
        funder: 'ADEME',
        scheme: 'Appel à projets hydrogène',
        requestedEuros: 4_000_000,
        grantedEuros: 3_000_000,
        paidShare: 0.2,
      },
      {
        funder: 'Région Grand Est',
        scheme: 'Stratégie régionale hydrogène',
        requestedEuros: 1_500_000,
        grantedEuros: 1_000_000,
        paidShare: 0.15,
      },
    ],
    stages: [
      [
        'Études de faisabilité du site Émile-Huchet',
        {
          title: 'Ouverture de la concertation préalable du public',
          status: 'done',
          due: '2024-02-27',
        },
        'Identification des clients industriels',
      ],
      [
        'Dossier d’autorisation environnementale',
        { title: 'Raccordement au réseau de transport d’hydrogène', status: 'to_discuss' },
        'Décision finale d’investissement',
      ],
      [
        'Construction de la première tranche d’électrolyse',
        'Formation des opérateurs',
        'Mise en service progressive',
      ],
    ],
    indicators: [
      {
        name: 'CO2 évité par la production d’hydrogène',
        unit: 't CO2/an',
        kind: 'impact',
        direction: 'increase',
        baseline: 0,
        baselineDate: '2024-01-01',
        baselineSource: 'Dossier de concertation',
        target: 448_000,
        targetDate: '2030-12-31',
        onTrack: false,
        measurementSource: 'GazelEnergie',
      },
      {
        name: 'Émissions de CO2 de la plateforme de Carling-Saint-Avold',
        unit: 'kt CO2/an',
        kind: 'impact',
        direction: 'decrease',
        baseline: 1_450,
        baselineDate: '2024-01-01',
        baselineSource: 'Registre des émissions industrielles',
        target: 900,
        targetDate: '2030-12-31',
        onTrack: true,
        measurementSource: 'Déclarations annuelles des sites',
      },
      {
        name: 'Hydrogène bas carbone produit',
        unit: 't/an',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineDate: '2024-01-01',
        baselineSource: 'Dossier de concertation',
        target: 56_000,
        targetDate: '2030-12-31',
        onTrack: false,
        measurementSource: 'GazelEnergie',
      },
    ],
  },
  {
    territories: ['WN'],
    code: 'FA-2',
    title: 'Convention de reconversion du bassin Émile-Huchet',
    summary:
      'Convention de 5 ans entre l’État, la Région, les acteurs économiques et les syndicats, portée par l’Union des entreprises de Moselle.',
    axis: 'skills',
    priority: 'high',
    lead: 'Union des entreprises de Moselle',
    partners: ['Préfecture de la Moselle', 'Région Grand Est', 'France Travail'],
    cofunders: ['Région Grand Est', 'Banque des Territoires'],
    period: { startMonthsAgo: 30, durationMonths: 60 },
    budgetEuros: 1_500_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Contrat de reconversion',
        requestedEuros: 700_000,
        grantedEuros: 600_000,
        paidShare: 0.45,
      },
      {
        funder: 'Banque des Territoires',
        scheme: "Ingénierie Territoires d'industrie",
        requestedEuros: 300_000,
        grantedEuros: 250_000,
        paidShare: 0.4,
      },
    ],
    stages: [
      ['Diagnostic des emplois de la plateforme chimique', 'Signature de la convention à cinq ans'],
      [
        'Cellule de reclassement des salariés',
        {
          title: 'Formations aux métiers de l’hydrogène',
          status: LATE,
          comment: 'Le référentiel de formation n’est pas encore validé par la branche.',
        },
        'Bourse des compétences inter-entreprises',
      ],
      ['Accompagnement individuel des salariés', 'Bilan annuel avec les syndicats'],
    ],
    indicators: [
      {
        name: 'Salariés reclassés',
        unit: 'salariés',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Signature de la convention',
        target: 350,
        onTrack: true,
        measurementSource: 'Union des entreprises de Moselle',
      },
    ],
  },

  // ---- Moselle Sud -----------------------------------------------------------------------------
  {
    territories: ['MS'],
    code: 'FA-1',
    title: 'Plateforme territoriale RH et compétences',
    summary:
      "Plateforme RH mutualisée adossée à la Maison de l'emploi, avec le Hub transitions d'AFNOR.",
    axis: 'skills',
    priority: 'high',
    lead: "Maison de l'emploi de Moselle Sud",
    partners: ['AFNOR (Hub transitions)', 'France Travail', 'CC Sarrebourg Moselle Sud'],
    cofunders: ['Région Grand Est', 'Banque des Territoires'],
    period: { startMonthsAgo: 27, durationMonths: 42 },
    budgetEuros: 520_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Programme régional compétences',
        requestedEuros: 220_000,
        grantedEuros: 200_000,
        paidShare: 0.6,
      },
      {
        funder: 'Banque des Territoires',
        scheme: "Ingénierie Territoires d'industrie",
        requestedEuros: 150_000,
        grantedEuros: 150_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      ['Diagnostic RH des entreprises industrielles', 'Recensement des outils RH existants'],
      [
        'Ouverture de la plateforme RH',
        'Intégration du Hub transitions AFNOR',
        'Service RH à temps partagé pour les TPE',
      ],
      ['Accompagnement des entreprises', 'Évaluation de la plateforme'],
    ],
    indicators: [
      {
        name: 'Entreprises utilisatrices de la plateforme',
        unit: 'entreprises',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Ouverture de la plateforme',
        target: 120,
        onTrack: true,
        measurementSource: "Maison de l'emploi de Moselle Sud",
      },
    ],
  },
  {
    territories: ['MS'],
    code: 'FA-2',
    title: 'Transitions professionnelles inter-filières',
    summary:
      'Organiser les passages de salariés d’un secteur à un autre (plasturgie, bois, métallurgie).',
    axis: 'skills',
    priority: 'medium',
    lead: "Maison de l'emploi de Moselle Sud",
    partners: ['France Travail', 'AFNOR (Hub transitions)'],
    cofunders: ['Région Grand Est'],
    period: { startMonthsAgo: 18, durationMonths: 36 },
    budgetEuros: 280_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Transitions collectives',
        requestedEuros: 140_000,
        grantedEuros: 100_000,
        paidShare: 0.3,
      },
    ],
    stages: [
      ['Cartographie des compétences transférables', 'Identification des entreprises d’accueil'],
      [
        'Parcours de formation passerelle',
        {
          title: 'Prêt de main-d’œuvre entre entreprises',
          status: 'on_hold',
          comment: 'Suspendu le temps de sécuriser le cadre juridique.',
        },
      ],
      ['Accompagnement des salariés en transition', 'Bilan des parcours'],
    ],
    indicators: [
      {
        name: 'Salariés en parcours de transition',
        unit: 'salariés',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Début de l’action',
        target: 80,
        onTrack: false,
        measurementSource: "Maison de l'emploi de Moselle Sud",
      },
    ],
  },

  // ---- Nord Ardennes ---------------------------------------------------------------------------
  {
    territories: ['NA'],
    code: 'FA-1',
    title: 'Plateforme de mise en relation entreprises et salariés en reconversion',
    summary:
      'Plateforme en ligne reliant les entreprises qui ont des salariés à reconvertir et celles qui recrutent, avec cartes des compétences et des formations.',
    axis: 'skills',
    priority: 'high',
    lead: 'CA Ardenne Métropole',
    partners: ['France Travail', 'CCI Ardennes'],
    cofunders: ['Région Grand Est', 'Banque des Territoires'],
    period: { startMonthsAgo: 28, durationMonths: 42 },
    budgetEuros: 480_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Programme régional compétences',
        requestedEuros: 200_000,
        grantedEuros: 180_000,
        paidShare: 0.6,
      },
      {
        funder: 'Banque des Territoires',
        scheme: "Ingénierie Territoires d'industrie",
        requestedEuros: 150_000,
        grantedEuros: 120_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      [
        'Recensement des besoins des 430 entreprises industrielles',
        'Carte des compétences du territoire',
        'Carte de l’offre de formation',
      ],
      [
        'Développement de la plateforme en ligne',
        {
          title: 'Interface avec les offres de France Travail',
          status: LATE,
          comment: 'Les spécifications de l’interface ont été revues deux fois ; recette reportée.',
        },
        'Référencement des organismes de formation',
      ],
      ['Animation auprès des entreprises', 'Accompagnement des salariés mis en relation'],
    ],
    indicators: [
      {
        name: 'Mises en relation abouties',
        unit: 'mises en relation',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Ouverture de la plateforme',
        target: 250,
        onTrack: false,
        measurementSource: 'Plateforme',
      },
    ],
  },
  {
    territories: ['NA'],
    code: 'FA-2',
    title: 'Foncier industriel de la vallée de la Meuse',
    summary:
      'Requalifier les zones d’activités de la vallée pour accueillir des extensions industrielles.',
    axis: 'industrial_land',
    priority: 'medium',
    lead: 'CC Ardenne, Rives de Meuse',
    partners: ['Établissement public foncier de Grand Est'],
    cofunders: ['Banque des Territoires'],
    period: { startMonthsAgo: 22, durationMonths: 48 },
    budgetEuros: 1_600_000,
    funding: [
      {
        funder: 'Banque des Territoires',
        scheme: 'Fonds friches',
        requestedEuros: 800_000,
        grantedEuros: 600_000,
        paidShare: 0.2,
      },
    ],
    stages: [
      ['Inventaire des zones d’activités', 'Repérage des terrains sous-utilisés'],
      ['Requalification de la zone de Givet', 'Études hydrauliques en zone inondable'],
      ['Commercialisation des lots', 'Suivi des implantations'],
    ],
    indicators: [
      {
        name: 'Surface requalifiée',
        unit: 'ha',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Inventaire',
        target: 25,
        onTrack: true,
        measurementSource: 'CC Ardenne, Rives de Meuse',
        decimals: 1,
      },
    ],
  },
  {
    territories: ['NA'],
    code: 'FA-3',
    title: 'Décarbonation des fonderies ardennaises',
    summary:
      'Accompagner les fonderies vers l’électrification des fours et la réduction de leurs émissions.',
    axis: 'ecological_transition',
    priority: 'high',
    lead: 'CCI Ardennes',
    partners: ['ADEME', 'Bpifrance'],
    cofunders: ['ADEME'],
    period: { startMonthsAgo: 15, durationMonths: 36 },
    budgetEuros: 900_000,
    funding: [
      {
        funder: 'ADEME',
        scheme: 'Décarbonation de l’industrie',
        requestedEuros: 500_000,
        grantedEuros: 450_000,
        paidShare: 0.2,
      },
    ],
    stages: [
      ['Audit énergétique de 12 fonderies', 'Scénarios d’électrification'],
      ['Montage des dossiers de financement', 'Pilote de four à induction'],
      ['Déploiement dans les fonderies volontaires', 'Formation des équipes de maintenance'],
    ],
    indicators: [
      {
        name: 'Consommation de gaz des fonderies suivies',
        unit: 'GWh/an',
        kind: 'impact',
        direction: 'decrease',
        baseline: 210,
        baselineSource: 'Audits énergétiques',
        target: 150,
        onTrack: false,
        measurementSource: 'Relevés des fournisseurs',
      },
    ],
  },

  // ---- Grand Nancy – Terres de Lorraine --------------------------------------------------------
  {
    territories: ['MM'],
    code: 'FA-1',
    title: 'Instance de coordination stratégique emploi-compétences',
    summary:
      'Une instance de coordination stratégique et une cellule territoriale de rebond pour anticiper les mutations économiques.',
    axis: 'skills',
    priority: 'high',
    lead: "Maison de l'emploi du Grand Nancy",
    partners: ["Maison de l'emploi Terres de Lorraine", 'France Travail', 'DREETS Grand Est'],
    cofunders: ['Région Grand Est'],
    period: { startMonthsAgo: 26, durationMonths: 40 },
    budgetEuros: 350_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Programme régional compétences',
        requestedEuros: 180_000,
        grantedEuros: 150_000,
        paidShare: 0.6,
      },
    ],
    stages: [
      ['Installation de l’instance de coordination', 'Veille sur les entreprises en difficulté'],
      [
        'Cellule territoriale de rebond',
        'Comité des transitions individuelles',
        'Protocole d’alerte avec les EPCI',
      ],
      ['Accompagnement des salariés concernés', 'Bilan annuel de la cellule'],
    ],
    indicators: [
      {
        name: 'Salariés accompagnés par la cellule de rebond',
        unit: 'salariés',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Installation de la cellule',
        target: 400,
        onTrack: true,
        measurementSource: "Maison de l'emploi du Grand Nancy",
      },
    ],
  },
  {
    territories: ['MM'],
    code: 'FA-2',
    title: 'Plateforme numérique HERACLE de mobilité professionnelle',
    summary: 'Plateforme numérique de mobilité professionnelle entre entreprises du territoire.',
    axis: 'skills',
    priority: 'medium',
    lead: "Maison de l'emploi Terres de Lorraine",
    partners: ["Maison de l'emploi du Grand Nancy", 'France Travail'],
    cofunders: ['Banque des Territoires'],
    period: { startMonthsAgo: 24, durationMonths: 36 },
    budgetEuros: 400_000,
    funding: [
      {
        funder: 'Banque des Territoires',
        scheme: "Ingénierie Territoires d'industrie",
        requestedEuros: 200_000,
        grantedEuros: 160_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      ['Analyse des mobilités entre entreprises', 'Cahier des charges d’HERACLE'],
      [
        'Développement d’HERACLE',
        {
          title: 'Reprise des données des anciennes bourses à l’emploi',
          status: BLOCKED,
          comment: 'Accord RGPD des partenaires manquant pour transférer les données.',
        },
        'Formation des conseillers',
      ],
      ['Déploiement auprès des entreprises', 'Mesure des mobilités réalisées'],
    ],
    indicators: [
      {
        name: 'Mobilités professionnelles réalisées',
        unit: 'mobilités',
        kind: 'outcome',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Lancement d’HERACLE',
        target: 150,
        onTrack: false,
        measurementSource: 'HERACLE',
      },
    ],
  },

  // ---- Chartres métropole ----------------------------------------------------------------------
  {
    territories: ['CH'],
    code: 'FA-1',
    title: 'Campus de formation aux métiers de l’industrie',
    summary:
      'Campus de formation industrielle au cœur de la Cosmetic Valley, avec Polepharma, pour les filières cosmétique et pharmacie.',
    axis: 'skills',
    priority: 'high',
    lead: 'CA Chartres Métropole',
    partners: ['Cosmetic Valley', 'Polepharma', 'France Travail'],
    cofunders: ['Région Centre-Val de Loire', 'Banque des Territoires'],
    period: { startMonthsAgo: 24, durationMonths: 48 },
    budgetEuros: 5_200_000,
    funding: [
      {
        funder: 'Région Centre-Val de Loire',
        scheme: 'Campus des métiers et des qualifications',
        requestedEuros: 2_000_000,
        grantedEuros: 1_500_000,
        paidShare: 0.3,
      },
      {
        funder: 'Banque des Territoires',
        scheme: 'Prêt investissement formation',
        requestedEuros: 1_500_000,
        grantedEuros: 1_500_000,
        paidShare: 0.2,
      },
    ],
    stages: [
      [
        'Besoins en compétences des industriels de la cosmétique et de la pharmacie',
        'Choix du site du campus',
        'Programme pédagogique',
      ],
      [
        'Concours d’architecture',
        {
          title: 'Permis de construire',
          status: LATE,
          comment: 'Avis de l’architecte des Bâtiments de France demandé ; dépôt décalé.',
        },
        'Équipements de la ligne pilote de conditionnement',
      ],
      [
        'Ouverture des premières formations',
        'Partenariats avec les entreprises',
        'Suivi des stagiaires',
      ],
    ],
    indicators: [
      {
        name: 'Places de formation ouvertes',
        unit: 'places',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Programme pédagogique',
        target: 400,
        onTrack: false,
        measurementSource: 'Chartres métropole',
      },
    ],
  },
  {
    territories: ['CH'],
    code: 'FA-2',
    title: 'Filières cosmétique et pharmacie : compétences et innovation',
    summary: 'Projets communs de la Cosmetic Valley et de Polepharma pour les PME sous-traitantes.',
    axis: 'innovation',
    priority: 'medium',
    lead: 'Cosmetic Valley',
    partners: ['Polepharma', 'Bpifrance'],
    cofunders: ['Région Centre-Val de Loire', 'Bpifrance'],
    period: { startMonthsAgo: 20, durationMonths: 36 },
    budgetEuros: 600_000,
    funding: [
      {
        funder: 'Région Centre-Val de Loire',
        scheme: 'Innovation des filières',
        requestedEuros: 250_000,
        grantedEuros: 200_000,
        paidShare: 0.4,
      },
      {
        funder: 'Bpifrance',
        scheme: 'Accélérateur PME',
        requestedEuros: 150_000,
        grantedEuros: 150_000,
        paidShare: 0.5,
      },
    ],
    stages: [
      ['Cartographie des sous-traitants', 'Besoins d’innovation des PME'],
      ['Appel à projets commun', 'Accélérateur de PME sous-traitantes'],
      ['Accompagnement des lauréats', 'Rencontres acheteurs et sous-traitants'],
    ],
    indicators: [
      {
        name: 'PME sous-traitantes accompagnées',
        unit: 'entreprises',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Cartographie',
        target: 30,
        onTrack: true,
        measurementSource: 'Cosmetic Valley',
      },
    ],
  },

  // ---- IN&MA: one plan shared by several territories -------------------------------------------
  {
    territories: ['NA', 'CL'],
    code: 'FA-4',
    title: 'IN&MA : compétences des filières stratégiques',
    summary:
      'Projet inter-territoires de l’École supérieure de la performance avec l’Université de Reims Champagne-Ardenne, en trois étapes : état des lieux des filières stratégiques, évolution des outils, accompagnement au changement.',
    axis: 'skills',
    priority: 'high',
    lead: 'École supérieure de la performance',
    partners: ['Université de Reims Champagne-Ardenne', 'UIMM Lorraine', 'Nogentech'],
    cofunders: ['Région Grand Est', 'Banque des Territoires'],
    period: { startMonthsAgo: 25, durationMonths: 42 },
    budgetEuros: 900_000,
    funding: [
      {
        funder: 'Région Grand Est',
        scheme: 'Programme régional compétences',
        requestedEuros: 400_000,
        grantedEuros: 350_000,
        paidShare: 0.5,
      },
      {
        funder: 'Banque des Territoires',
        scheme: "Ingénierie Territoires d'industrie",
        requestedEuros: 250_000,
        grantedEuros: 200_000,
        paidShare: 0.4,
      },
    ],
    stages: [
      [
        'État des lieux des filières stratégiques',
        'Entretiens avec les entreprises des deux territoires',
        'Référentiel des compétences clés',
      ],
      [
        'Évolution des modules de formation',
        'Outils d’auto-diagnostic pour les PME',
        {
          title: 'Plateforme de formation à distance',
          status: 'to_discuss',
          comment: 'Choix entre l’outil de l’université et une solution du marché.',
        },
      ],
      [
        'Accompagnement des salariés aux mutations',
        'Accompagnement des dirigeants au changement',
        'Évaluation par l’Université de Reims',
      ],
    ],
    indicators: [
      {
        name: 'Salariés formés aux compétences clés',
        unit: 'salariés',
        kind: 'output',
        direction: 'increase',
        baseline: 0,
        baselineSource: 'Début du projet',
        target: 500,
        onTrack: true,
        measurementSource: 'École supérieure de la performance',
      },
    ],
  },
];

/** Justifications for actions the generator marks late or blocked. */
export const LATE_COMMENTS = [
  'Retard de livraison du prestataire ; nouveau planning demandé.',
  'Recrutement du chargé de mission plus long que prévu.',
  'Validation par les élus repoussée au prochain conseil communautaire.',
  'Dépendance à une autre action non terminée.',
];
export const BLOCKED_COMMENTS = [
  'Financement non confirmé par le cofinanceur.',
  'Attente de l’avis des services de l’État.',
  'Marché public infructueux ; relance nécessaire.',
];

/** Pools from which committee members' pseudonyms are drawn. */
export const FIRST_NAMES = [
  'Anne',
  'Benoît',
  'Cécile',
  'David',
  'Estelle',
  'Fabrice',
  'Gaëlle',
  'Hervé',
  'Inès',
  'Jérôme',
  'Karine',
  'Loïc',
  'Marion',
  'Nicolas',
  'Océane',
  'Pascal',
  'Quentin',
  'Rachida',
  'Sébastien',
  'Tiphaine',
  'Vincent',
  'Yasmine',
  'Arnaud',
  'Brigitte',
  'Cyril',
  'Delphine',
  'Éric',
  'Florence',
  'Grégory',
  'Hélène',
  'Lionel',
  'Manon',
  'Nadège',
  'Philippe',
  'Sylvie',
  'Thierry',
];
export const LAST_NAMES = [
  'Antoine',
  'Barbier',
  'Clément',
  'Dumont',
  'Étienne',
  'Ferry',
  'Gauthier',
  'Humbert',
  'Jacquot',
  'Kremer',
  'Laurent',
  'Mathis',
  'Noël',
  'Olry',
  'Petitjean',
  'Rémy',
  'Simon',
  'Thomas',
  'Urbain',
  'Villaume',
  'Winckler',
  'Adam',
  'Bastien',
  'Colin',
  'Durand',
  'François',
  'Georges',
  'Henry',
  'Jung',
  'Lemoine',
  'Marchand',
  'Nicolas',
  'Pierron',
  'Richard',
  'Schmitt',
  'Vincent',
];

/**
 * Generic actions that complete a stage to at least three actions, as every fiche action has:
 * `start` ones open the stage, the others close it.
 */
export const STAGE_FILLERS: Record<StageKind, readonly { title: string; at: 'start' | 'end' }[]> = {
  inventory: [
    { title: 'Réunion de lancement avec les partenaires', at: 'start' },
    { title: 'Restitution de l’état des lieux au COTECH', at: 'end' },
    { title: 'Collecte des données auprès des EPCI', at: 'start' },
  ],
  tool_adaptation: [
    { title: 'Cahier des charges des outils', at: 'start' },
    { title: 'Test auprès d’entreprises pilotes', at: 'end' },
    { title: 'Ajustements après les retours des utilisateurs', at: 'end' },
  ],
  support_for_change: [
    { title: 'Communication auprès des entreprises du territoire', at: 'start' },
    { title: 'Bilan et évaluation de la fiche action', at: 'end' },
    { title: 'Sessions d’accompagnement des équipes', at: 'start' },
  ],
};
