// What makes information environmental, as data: the limbs of EIR reg 2(1) (and the same words in EISR
// reg 2(1), Scotland), each concept a regex source (case-insensitive, linear: alternatives of literal
// words, no nested quantifiers). The EIR apply to environmental information whatever Act a requester
// names, so the analysis reads the content, not only the words "Environmental Information Regulations".

/** The limb of reg 2(1) a concept falls under, as officers read it. */
export type EnvironmentalLimb =
  | 'state of the elements' // (a) air, water, soil, land, landscape, natural sites, biodiversity
  | 'factor' // (b) substances, energy, noise, radiation, waste, emissions, discharges
  | 'measure' // (c) policies, plans, programmes, schemes, agreements, activities affecting (a) or (b)
  | 'report or analysis' // (d), (e) reports on implementation, cost-benefit analyses of the measures
  | 'health and safety'; // (f) human health and safety as affected by (a)–(c)

export interface EnvironmentalConcept {
  /** How the evidence names it to officers: "environmental: <name> (<limb>, reg 2(1)(x))". */
  name: string;
  limb: EnvironmentalLimb;
  /** A strong concept asked about makes a request environmental alone; a weak one needs another. */
  strong: boolean;
  pattern: string;
}

const c = (name: string, limb: EnvironmentalLimb, strong: boolean, pattern: string): EnvironmentalConcept => ({ name, limb, strong, pattern });

export const ENVIRONMENTAL_CONCEPTS: readonly EnvironmentalConcept[] = [
  // (a) the state of the elements
  c('air quality', 'state of the elements', true, String.raw`\bair (quality|pollution|pollutants?|monitoring)\b|\bdiffusion tubes?\b|\bnitrogen (di)?oxides?\b|\bNO[2x]\b|\bparticulates?\b|\bPM ?(2\.5|10)\b|\batmospher(e|ic)\b`),
  c('water', 'state of the elements', true, String.raw`\bwater (quality|pollution|levels?|courses?|table|samples|sampling)\b|\bwatercourses?\b|\bgroundwater\b|\bsurface water\b|\bbathing waters?\b|\bseabed\b|\bsea bed\b|\bwetlands?\b|\bestuar(y|ies)\b`),
  c('rivers, lochs and the sea', 'state of the elements', false, String.raw`\b(rivers?|lochs?|lakes?|brooks?|reservoirs?|ponds?|canals?|coast(line)?s?|beach(es)?|foreshore|marine)\b(?! (bus|boats?|taxis?|services?|police|insurance|stations?|scotland|directorate)\b)`),
  c('soil and land', 'state of the elements', true, String.raw`\bsoils?\b|\bcontaminated (land|soil|ground|sites?)\b|\bland (contamination|stability|slips?)\b|\blandslips?\b|\blandslides?\b|\b(coastal |cliff )?erosion\b|\bpeat(lands?| bogs?)?\b`),
  c('landscape and natural sites', 'state of the elements', false, String.raw`\blandscapes?\b|\bgreen ?belt\b|\bgreenfield\b|\bopen spaces?\b|\bgreen spaces?\b|\bnational parks?\b|\bAONB\b|\boutstanding natural beauty\b|\bSSSIs?\b|\bspecial scientific interest\b|\bnature reserves?\b|\bcommon land\b|\bmoorland\b|\bheathland\b|\bverges?\b`),
  c('woodland and trees', 'state of the elements', true, String.raw`\btrees?\b(?! (diagrams?|structures?|of life)\b)|\btree[- ](felling|planting|works|surveys?|pits?|officers?)\b|\bwoodlands?\b|\bforests?\b|\bhedgerows?\b|\bhedges\b|\barboricultur\w*|\bfelling\b|\bfelled\b|\bTPOs?\b|\btree preservation\b`),
  c('biodiversity', 'state of the elements', true, String.raw`\bbiodiversity\b|\bwildlife\b|\bhabitats?\b|\becolog(y|ical|ist|ists)\b|\bprotected species\b|\binvasive (plants?|species|weeds?|non-native)\b|\b(japanese )?knotweed\b|\bgiant hogweed\b|\bhimalayan balsam\b|\bragwort\b|\bweeds?\b|\bweed (control|management|spraying|treatment)\b|\bwild ?flowers?\b|\brewilding\b|\bpollinators?\b|\bbadgers?\b|\bnesting birds?\b|\bbird (nesting|surveys?|populations?)\b|\bbats? (surveys?|roosts?)\b|\bgreat crested newts?\b|\bseals? (predation|populations?|colon(y|ies)|culls?|shooting|licen[cs]es?)\b|\b(grey|harbour|common) seals?\b|\bsea lice\b|\bwild (salmon|fish|trout)\b|\bfish (stocks|kills?)\b|\bgenetically modified\b|\bGMOs?\b`),
  // (b) factors: substances, energy, noise, radiation, waste, emissions, discharges
  c('pesticides and herbicides', 'factor', true, String.raw`\bpesticides?\b|\bherbicides?\b|\bglyphosate\b|\bweed ?killers?\b|\binsecticides?\b|\bfungicides?\b|\bneonicotinoids?\b|\b(chemical|herbicide|weed) (spraying|treatments?)\b`),
  c('emissions and pollution', 'factor', true, String.raw`\bemissions?\b|\bemitted\b|\bpollut(ion|ants?|ing|ed|er)\b|\bcarbon (dioxide|emissions?|footprint|neutral|budget|offset\w*|capture)\b|\bCO2\b|\bgreenhouse gas(es)?\b|\bnet zero\b|\bclimate (change|emergency|action|crisis)\b|\bfumes\b|\bexhaust (fumes|emissions|gases)\b|\bodours?\b|\bsmoke control\b|\bdust (levels|monitoring|complaints|suppression)\b|\blight pollution\b`),
  c('discharges and spills', 'factor', true, String.raw`\b(sewage|effluent|slurry|chemical|industrial|well-?boat|trade|oil|pollution) (discharges?|spills?|releases?|leaks?)\b|\bdischarges? (of|from|into|to) (sewage|effluent|water|chemicals?|pollutants?|the (river|sea|loch|watercourse|burn|brook|stream|environment))\b|\bstorm overflows?\b|\bsewage\b|\bsewer (flooding|overflows?)\b|\beffluent\b|\bspillages?\b`),
  c('noise and vibration', 'factor', true, String.raw`\bnoise\b|\bnoisy\b|\bvibrations?\b|\bacoustic (deterrent|surveys?|reports?)\b`),
  c('radiation', 'factor', true, String.raw`\bradiation\b|\bradioactive\b|\bradon\b|\bnuclear (waste|power|site|plant|installation)s?\b`),
  c('waste', 'factor', false, String.raw`\b(household|domestic|food|garden|green|commercial|trade|construction|hazardous|clinical|residual|municipal|plastic) waste\b|\bwaste (collections?|management|disposal|tonnages?|services|sites?|transfer|carriers?|permits?|strateg(y|ies))\b|\brecycl(ing|ed)\b|\bfly[- ]?tipp(ing|ed)\b|\blitter(ing)?\b|\bbin (collections?|charg\w*)\b|\brefuse collections?\b|\bcomposting\b`),
  c('landfill and incineration', 'factor', true, String.raw`\blandfill\w*|\bincinerat\w*|\benergy from waste\b|\bwaste (incinerators?|to energy)\b|\banaerobic digest\w*`),
  c('energy', 'factor', true, String.raw`\bwind (farms?|turbines?|energy|power|schemes?|developments?)\b|\bsolar (farms?|panels?|parks?|PV|energy|power|schemes?)\b|\bbattery (energy )?storage\b|\brenewable (energy|electricity|heat|generation)\b|\brenewables\b|\bhydro(electric| schemes?)\b|\bheat pumps?\b|\bdistrict heating\b|\bbiomass\b|\benergy (consumption|use|usage|efficiency|generation|performance)\b|\bfracking\b|\bhydraulic fractur\w*|\bfracture growth\b|\bshale gas\b|\bseismic\b`),
  // (c) measures affecting the elements and factors
  c('clean-air zone', 'measure', true, String.raw`\bULEZ\b|\bultra[- ]low[- ]emissions?( zones?)?\b|\blow[- ]emissions? zones?\b|\bLEZ\b|\bclean air (zones?|plans?|strateg(y|ies)|schemes?|funds?)\b|\bCAZ\b|\bscrappage\b|\bair quality management areas?\b|\bAQMAs?\b|\banti-?idling\b`),
  c('traffic scheme', 'measure', true, String.raw`\blow[- ]traffic neighbourhoods?\b|\bLTNs?\b|\bmodal filters?\b|\btraffic (filters?|calming|schemes?|management (schemes?|orders?)|counts?|surveys?|volumes?|flows?|levels?|data|speeds?|modelling|reduction)\b|\b(automatic )?traffic count\w*|\blevels (and composition )?of traffic\b|\bthrough[- ]traffic\b|\brat[- ]running\b|\bactive travel (schemes?|measures?|funding)\b|\bstreetspace\b|\bpedestrianis\w*`),
  c('road and route changes', 'measure', false, String.raw`\b(bus|traffic) routes? (changes?|diversions?|through|along|past)\b|\b(changes?|diversions?|re-?routing|rerouting) (to|of) (the )?(\w+ ){0,2}bus routes?\b|\broad (closures?|layouts?|schemes?)\b|\bschool streets?\b|\bcycle (lanes?|ways?|tracks?|schemes?|hangars?)\b|\bcycleways?\b|\bbus lanes?\b|\bcongestion charg\w*|\b20 ?mph\b`),
  // Where traffic, noise or fumes land: conditions of human life (reg 2(1)(f)); only with another concept.
  c('residential streets', 'health and safety', false, String.raw`\bresidential (streets?|roads?|areas?|neighbourhoods?)\b|\bquiet (streets?|roads?)\b`),
  c('flooding and drainage', 'measure', true, String.raw`\bfloods?\b|\bflooding\b|\bflooded\b|\bflood (risk|defen[cs]es?|alleviation|management|investigations?|water|plains?)\b|\bdrainage\b|\bculverts?\b|\bgull(y|ies)\b|\bSuDS\b|\bsustainable drainage\b|\bdredg(e|ing)\b|\bcoastal (protection|defen[cs]es?)\b|\bshoreline management\b`),
  c('planning and development', 'measure', false, String.raw`\bplanning (applications?|permissions?|consents?|conditions?|refs?|references?|appeals?|portal|committee)\b|\b(housing|residential|new|proposed|commercial|major|large|retail|industrial) developments?\b|\bdevelopment (sites?|proposals?|plans?|compan(y|ies)|briefs?|frameworks?)\b|\bconstruction sites?\b|\blocal plan\b|\blisted buildings?\b|\bconservation areas?\b|\bsite allocations?\b|\bhousing sites?\b|\b(quarry|quarries|quarrying|mining|mineral extraction|opencast)\b`),
  // Agreements binding a development of land (TCPA 1990 s.106, TCP(S)A 1997 s.75), and the viability case behind them.
  c('planning obligation', 'measure', true, String.raw`\bsection (106|75) agreements?\b|\bsection 106\b|\bs\.? ?106\b|\bplanning obligations?\b|\bviability assessments?\b|\bcommunity infrastructure levy\b|\bbiodiversity net gain\b`),
  c('environmental assessment or permit', 'measure', true, String.raw`\benvironmental (impact assessments?|statements?|permits?|management plans?|monitoring|surveys?|assessments?|information|damage|protection)\b|\bEIA\b|\bstrategic environmental assessment\b|\bhabitats? regulations assessment\b|\bappropriate assessment\b|\bconstruction environmental management plan\b|\bCEMP\b|\babatement notices?\b|\bstatutory nuisances?\b|\bwaste permits?\b|\bfelling licen[cs]es?\b|\bwoodland (creation|grants?|carbon)\b|\bagri-?environment\b|\bmarine licen[cs]es?\b`),
  c('fish farming', 'measure', true, String.raw`\b(fish|salmon|finfish|trout|shellfish|mussel) farm(s|ing|ed)?\b|\bfarmed (salmon|fish)\b|\baquaculture\b|\bfinfish\b|\bwell[- ]?boats?\b`),
  // (d)–(f): reports and analyses behind a measure, and health as the environment affects it.
  c('analysis of a measure', 'report or analysis', false, String.raw`\bcost[- ]benefit\b|\bbusiness cases?\b|\bimpact assessments?\b|\bmonitoring (reports?|data|results)\b|\bfeasibility (studies|study|reports?)\b`),
  c('health as the environment affects it', 'health and safety', true, String.raw`\bhealth (effects|impacts?|risks?) of (air|pollution|noise|fumes|emissions|the (incinerator|landfill|site|works))\b|\bfood chain\b|\bcontaminated (water|food|drinking water)\b|\bhazardous (locations?|sites?|substances?)\b`),
  // The environment named as what is affected ("the impact on the environment"), not a working or IT environment.
  c('effects on the environment', 'state of the elements', false, String.raw`\b(impacts?|effects?|harm|damage|consequences) (on|to) the (natural |local |wider )?environment\b|\benvironmental(ly)? (impacts?|effects?|harm|damage|benefits?|concerns?|risks?|standards?|performance|polic(y|ies)|strateg(y|ies)|considerations?|sensitive|objectives?|targets?|protection|crimes?|enforcement)\b`),
];

/** What a limb is called in the regulations, for the evidence shown to officers. */
export const LIMB_PARAGRAPH: Readonly<Record<EnvironmentalLimb, string>> = {
  'state of the elements': '(a)', factor: '(b)', measure: '(c)', 'report or analysis': '(d)–(e)', 'health and safety': '(f)',
};
