// Named word lists the risk rules refer to as {SLOT}. Each entry is a phrase in
// the pattern language (see pattern.ts); words are stemmed when compiled.

export const RISK_SLOTS: Readonly<Record<string, readonly string[]>> = {
  REFLEX: ['myself', 'himself', 'herself', 'themselves', 'themself', 'yourself', 'yourselves', 'ourselves', 'meself'],
  POSS: ['my', 'her', 'his', 'their', 'our', 'your', 'the', 'mum', 'dad', '(my | her | his | their | our) (friend | friends | mate | mates | neighbour | neighbours | cousin | sister | brother | son | daughter | best friend)'],
  /** People in a household or close family, who can be abusers or victims. */
  REL: [
    'partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife',
    'ex boyfriend', 'ex girlfriend', 'fiance', 'fiancee', 'spouse', 'stepdad', 'stepfather', 'stepmum',
    'stepmother', 'dad', 'father', 'mum', 'mother', 'parent', 'parents', 'brother', 'sister', 'son', 'daughter',
    'uncle', 'aunt', 'auntie', 'grandad', 'grandfather', 'nan', 'gran', 'grandma', 'cousin', 'carer', 'family',
    'in laws', 'mother in law', 'father in law', 'lodger', 'flatmate', 'housemate', 'baby dad', 'stepson',
    'stepdaughter', 'man', 'fella', 'other half', 'kids', 'children', 'child', 'baby', 'sibling', 'siblings',
  ],
  PARTNER: [
    'partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife',
    'ex boyfriend', 'ex girlfriend', 'fiance', 'fiancee', 'spouse', 'baby dad', 'other half', 'man',
  ],
  /** People who can be abusers: family and partners, not the children. */
  ABUSER: [
    'partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife',
    'ex boyfriend', 'ex girlfriend', 'fiance', 'fiancee', 'spouse', 'stepdad', 'stepfather', 'stepmum',
    'stepmother', 'dad', 'father', 'mum', 'mother', 'parent', 'parents', 'brother', 'sister', 'son', 'daughter',
    'uncle', 'aunt', 'auntie', 'grandad', 'grandfather', 'cousin', 'family', 'in laws', 'mother in law',
    'father in law', 'lodger', 'baby dad', 'stepson', 'stepdaughter', 'man', 'fella', 'partner', 'other half',
  ],
  /** Someone harmed: a person, or a part of a body. */
  VICTIM: [
    'me', 'us', 'mum', 'dad', 'her', 'him', 'them', 'the kids', 'the children', 'the baby', '{POSS} {REL}',
    '(my | her | his) (face | head | arm | arms | back | stomach | belly | eye | eyes | mouth | nose | neck | throat | ribs | chest | leg | legs | body)',
  ],
  PARENT: ['stepdad', 'stepfather', 'stepmum', 'stepmother', 'dad', 'father', 'mum', 'mother', 'parent', 'parents', 'mums boyfriend', 'mum boyfriend', 'dads girlfriend', 'dad girlfriend'],
  /** Someone who could be doing the harm. */
  SUBJ: ['he', 'she', 'they', '{POSS} {REL}', 'mum', 'dad', '{POSS} {REL} ~1 (he | she)'],
  /** Someone who could be harmed. */
  OBJ: ['me', 'us', 'him', 'her', 'them', '{POSS} {REL}', 'mum', 'dad', 'my', 'her', 'the kids', 'the children', 'the baby'],
  VIOLENT: [
    'hit', 'hits', 'hitting', 'beat', 'beats', 'beating', 'beaten', 'batter', 'battered', 'punch', 'punched',
    'kick', 'kicked', 'slap', 'slapped', 'strangle', 'strangled', 'strangling', 'choke', 'choked', 'choking',
    'throttle', 'throttled', 'push', 'pushed', 'shove', 'shoved', 'attack', 'attacked', 'assault', 'assaulted',
    'hurt', 'hurts', 'hurting', 'bite', 'bit', 'bitten', 'grab', 'grabbed', 'pin', 'pinned', 'drag', 'dragged',
    'headbutt', 'headbutted', 'smack', 'smacked', 'whack', 'whacked', 'thump', 'thumped', 'stab', 'stabbed',
    'threw', 'throws', 'thrown', 'burn', 'burnt', 'burned', 'shake', 'shook', 'shaken', 'spat', 'spit', 'suffocate',
    'suffocated', 'smother', 'smothered', 'belt', 'belted', 'whip', 'whipped', 'bruise', 'bruised', 'knock', 'knocked',
    'floor', 'floored', 'lash', 'lashes', 'rape', 'raped', 'abuse', 'abused', 'abusing', 'hurted',
  ],
  PILLS: [
    'pills', 'pill', 'tablets', 'tablet', 'paracetamol', 'paracetamols', 'ibuprofen', 'co codamol', 'codamol',
    'codeine', 'aspirin', 'meds', 'medication', 'medicine', 'medicines', 'antidepressants', 'anti depressants', 'sleeping pills',
    'sleeping tablets', 'sertraline', 'fluoxetine', 'citalopram', 'mirtazapine', 'diazepam', 'tramadol', 'insulin',
    'painkillers', 'pain killers', 'prescription', 'capsules', 'methadone', 'oxycodone', 'morphine', 'pregabalin',
    'lithium', 'quetiapine', 'propranolol', 'amitriptyline', 'zopiclone',
  ],
  QTY: [
    'all', 'load', 'loads', 'lot', 'lots', 'bunch', 'handful', 'handfuls', 'whole', 'box', 'boxes', 'packet', 'packets',
    'pack', 'packs', 'bottle', 'bottles', 'strip', 'strips', 'stash', 'too many', 'many', 'so many', 'every', 'entire',
    'heap', 'heaps', 'stack', 'stacks', 'massive amount', 'huge amount', 'large amount', 'big amount', 'amount', 'lot of', 'massive', 'huge', 'month', 'week', 'extra', 'double', 'triple', 'lots and lots',
    '<\\d+>', 'ten', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'dozen', 'dozens', 'bunch', 'couple of packets',
  ],
  WEAPON: [
    'knife', 'knives', 'gun', 'guns', 'weapon', 'weapons', 'blade', 'blades', 'machete', 'machetes', 'axe', 'crossbow',
    'firearm', 'shotgun', 'rifle', 'pistol', 'zombie knife', 'kitchen knife', 'baseball bat', 'bat', 'hammer', 'sword',
    'acid', 'taser', 'knuckle duster', 'meat cleaver', 'cleaver', 'screwdriver', 'broken bottle',
  ],
  CHILD: [
    'child', 'children', 'kid', 'kids', 'baby', 'babies', 'toddler', 'toddlers', 'infant', 'newborn', 'son', 'daughter',
    'boy', 'girl', 'boys', 'girls', 'little one', 'little ones', 'teen', 'teenager', 'teenagers', 'stepson',
    'stepdaughter', 'grandson', 'granddaughter', 'niece', 'nephew', 'pupil', 'pupils', 'youngster', 'student',
    'little brother', 'little sister', 'siblings', 'young person', 'young people', 'minor', 'schoolgirl', 'schoolboy',
    '<1[0-7]|[0-9]> (year | years | month | months) old', '<1[0-7]|[0-9]> (year | years)',
  ],
  YOUNG_CHILD: [
    'baby', 'babies', 'toddler', 'toddlers', 'infant', 'infants', 'newborn', 'little one', 'little ones',
    'young (kids | children | child | son | daughter | boy | girl)', 'kids', 'children', 'child', 'kid',
    '<[0-9]|1[0-2]> (year | years | month | months | week | weeks) old', '<[0-9]|1[0-2]> (month | months | year | years)',
    '(one | two | three | four | five | six | seven | eight | nine | ten) (year | years | month | months) old',
    'little (brother | sister | boy | girl | boys | girls)', 'siblings', 'son', 'daughter', 'twins', 'grandchildren',
  ],
  OLDER: [
    'nan', 'nana', 'nanna', 'gran', 'granny', 'grandma', 'grandmother', 'grandad', 'grandpa', 'grandfather', 'elderly',
    'pensioner', 'pensioners', 'dementia', 'alzheimers', 'care home', 'nursing home', 'residential home', 'frail',
    'old (man | lady | woman | people | person | neighbour | folk | gentleman)',
    'older (man | lady | woman | person | people | neighbour | relative | adult | parent | parents)',
    '<[6-9][0-9]|1[01][0-9]> (year | years) old', '<[6-9][0-9]|1[01][0-9]>',
    'vulnerable (adult | man | woman | person | neighbour | relative | brother | sister | son | daughter)',
    'learning (disability | disabilities | difficulties)', 'disabled', 'down syndrome', 'downs syndrome', 'downs', 'in his (70s | 80s | 90s | seventies | eighties | nineties)',
    'in her (70s | 80s | 90s | seventies | eighties | nineties)', 'care (worker | workers | staff | agency)', 'carers', 'carer',
    'autistic', 'autism', 'mental capacity', 'capacity', 'brain injury', 'registered blind',
  ],
  DRUGS: [
    'drugs', 'drug', 'weed', 'cannabis', 'skunk', 'gear', 'coke', 'cocaine', 'crack', 'heroin', 'spice', 'ket',
    'ketamine', 'class a', 'packages', 'parcels', 'bags', 'deals', 'pills', 'mdma', 'ecstasy', 'smack', 'food', 'nos',
  ],
  /** Words that make a person of what follows a figurative frame's subject ("that man", "this guy"). */
  PERSON_WORD: [
    'he', 'she', 'they', 'you', 'man', 'woman', 'guy', 'bloke', 'lad', 'boy', 'girl', 'men', 'women', 'lads', 'boys',
    'girls', 'someone', 'somebody', 'person', 'people', 'neighbour', 'neighbours', '{REL}', 'my', 'his', 'her', 'their',
  ],
  /** Things, not people: what a figurative "killing me" is about. */
  THING: [
    'bills', 'bill', 'debt', 'debts', 'job', 'work', 'commute', 'mocks', 'mock exams', 'gcses', 'gcse', 'a levels', 'sats', 'tests', 'assignments', 'essays', 'dissertation', 'studying', 'study', 'feet', 'back', 'head', 'headache', 'neck', 'knees',
    'knee', 'legs', 'shoulder', 'shoulders', 'hips', 'teeth', 'tooth', 'shoes', 'boots', 'exams', 'exam', 'homework',
    'revision', 'coursework', 'school run', 'traffic', 'heat', 'rent', 'prices', 'cost', 'costs', 'cost of living',
    'hangover', 'wait', 'waiting', 'waiting list', 'queue', 'noise', 'deadline', 'deadlines', 'overtime', 'shifts',
    'shift', 'mortgage', 'energy bills', 'electric', 'electricity', 'gas', 'gas bill', 'paperwork', 'forms', 'form',
    'bedtime', 'bedtime routine', 'stairs', 'gym', 'diet', 'weather', 'cold', 'builders', 'renovation', 'fees',
    'nursery fees', 'childcare costs', 'childcare', 'council tax', 'universal credit', 'monday', 'mondays', 'week',
    'this week', 'today', 'it', 'this', 'that', 'not knowing', 'uncertainty', 'stress', 'pressure', 'suspense',
    'heating', 'price', 'petrol', 'bus', 'train', 'trains', 'journey', 'drive', 'cough', 'cold', 'flu', 'period',
    'cramps', 'workload', 'admin', 'ironing', 'housework', 'washing', 'laundry', 'kids party', 'christmas',
    'shopping', 'food shop', 'weekly shop', 'loan', 'loans', 'credit card', 'overdraft', 'interest', 'interview',
    'sleep', 'lack of sleep', 'teething', 'night feeds', 'nappies', 'school holidays', 'holidays', 'summer holidays',
    'hospital parking', 'parking', 'roadworks', 'mortgage payments', 'payments', 'repayments', 'running', 'training',
    'ofsted', 'inspection', 'marking', 'report', 'reports', 'meeting', 'meetings', 'emails', 'phone calls',
  ],
  /** People whose "he'll kill me" is, in everyday speech, a joke about being late or in trouble. */
  JOKE_THREATENER: [
    'council', 'the council', 'government', 'the government', 'bank', 'the bank', 'energy company', 'hmrc', 'tax man', 'taxman', 'dvla',
    'boss', 'manager', 'line manager', 'supervisor', 'teacher', 'teachers', 'head', 'headteacher', 'coach', 'mates',
    'mate', 'friends', 'friend', 'my friends', 'bestie', 'best friend', 'team', 'editor', 'tutor', 'lecturer',
  ],
};
