// How people actually type to a chat box: text speak, dropped apostrophes,
// slang and the euphemisms young people use so filters miss them. Each entry
// rewrites one token into plain words so the risk rules can stay readable.

const TOKEN_REWRITE_ENTRIES: Record<string, string> = {
  // contractions typed without the apostrophe
  dont: 'do not', dnt: 'do not', didnt: 'did not', doesnt: 'does not', cant: 'can not', cnt: 'can not',
  cannot: 'can not', wont: 'will not', isnt: 'is not', arent: 'are not', wasnt: 'was not',
  werent: 'were not', hasnt: 'has not', havent: 'have not', hadnt: 'had not', couldnt: 'could not',
  shouldnt: 'should not', wouldnt: 'would not', aint: 'is not', mustnt: 'must not', nt: 'not', dint: 'did not',
  im: 'i am', ive: 'i have', iam: 'i am', youre: 'you are', theyre: 'they are', hes: 'he is', shes: 'she is',
  thats: 'that is', whats: 'what is', theres: 'there is', itll: 'it will', youve: 'you have', weve: 'we have',
  theyve: 'they have', shell: 'she will', itd: 'it would', hed: 'he would', youd: 'you would',
  // text speak
  u: 'you', ur: 'your', r: 'are', y: 'why', pls: 'please', plz: 'please', cos: 'because', coz: 'because',
  cuz: 'because', bc: 'because', bcos: 'because', bcoz: 'because', wiv: 'with', wen: 'when', wat: 'what',
  wot: 'what', wots: 'what is', wotz: 'what is', watz: 'what is', wats: 'what is', dat: 'that',
  // modal verbs in text speak: "wud b better off", "cud go"
  wud: 'would', wld: 'would', wuld: 'would', cud: 'could', cld: 'could', shud: 'should', shld: 'should',
  wna: 'want to', wnt: 'want', gna: 'going to', gnna: 'going to', nemore: 'anymore', nemor: 'anymore', anymor: 'anymore', enymore: 'anymore',
  ded: 'dead', agen: 'again', agn: 'again', sed: 'said', n: 'and',
  // past tenses typed without the e: "pushd", "stabd"
  pushd: 'pushed', shovd: 'shoved', punchd: 'punched', kickd: 'kicked', slapd: 'slapped', chokd: 'choked', strangld: 'strangled',
  stabd: 'stabbed', killd: 'killed', hurtd: 'hurt', grabd: 'grabbed', threatend: 'threatened', rapd: 'raped', touchd: 'touched',
  wudnt: 'would not', cudnt: 'could not', shudnt: 'should not', b: 'be', nvr: 'never',
  evryone: 'everyone', every1s: 'everyone is', evrythin: 'everything', evrything: 'everything', nobdy: 'nobody', dis: 'this', tho: 'though', thru: 'through', abt: 'about',
  bout: 'about', luv: 'love', ppl: 'people', ppls: 'people', msg: 'message', msgs: 'messages',
  txt: 'text', txts: 'texts', b4: 'before', '2day': 'today', '2nite': 'tonight', '2night': 'tonight',
  '2moro': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', tomoz: 'tomorrow', l8r: 'later', m8: 'mate',
  m8s: 'mates', h8: 'hate', h8s: 'hates', gr8: 'great', sum1: 'someone', some1: 'someone', sumone: 'someone',
  sum1s: 'someones', ne1: 'anyone', any1: 'anyone', no1: 'no one', every1: 'everyone', evry1: 'everyone',
  wanna: 'want to', wana: 'want to', gonna: 'going to', gona: 'going to', gotta: 'got to', tryna: 'trying to',
  hafta: 'have to', kinda: 'kind of', sorta: 'sort of', lemme: 'let me', gimme: 'give me', dunno: 'do not know',
  idk: 'i do not know', idc: 'i do not care', tbh: 'to be honest', ngl: 'not going to lie', rn: 'right now',
  atm: 'at the moment', bf: 'boyfriend', bfs: 'boyfriends', gf: 'girlfriend', gfs: 'girlfriends',
  hubby: 'husband', hubs: 'husband', missus: 'wife', fella: 'partner', bloke: 'man', lad: 'boy', lads: 'boys',
  mom: 'mum', mam: 'mum', mommy: 'mum', mummy: 'mum', mammy: 'mum', ma: 'mum', mumma: 'mum',
  daddy: 'dad', pa: 'dad', bro: 'brother', sis: 'sister', lil: 'little', nite: 'night', wk: 'week',
  yr: 'year', yrs: 'years', yo: 'year old', yos: 'years old', hrs: 'hours', hr: 'hour', mins: 'minutes',
  govt: 'government', skool: 'school', skl: 'school', sch: 'school', coll: 'college', uni: 'university',
  pic: 'picture', pics: 'pictures', vid: 'video', vids: 'videos', nudez: 'nudes', noodz: 'nudes',
  noods: 'nudes', nudies: 'nudes', snap: 'snapchat', insta: 'instagram', defo: 'definitely', def: 'definitely',
  prob: 'probably', probs: 'probably', obvs: 'obviously', sumthin: 'something', sumfin: 'something',
  nuffin: 'nothing', nothin: 'nothing', nufin: 'nothing', anymore: 'anymore', nomore: 'no more',
  alot: 'a lot', aswell: 'as well', infront: 'in front', ofc: 'of course', meself: 'myself',
  mesel: 'myself', myslf: 'myself', hself: 'herself', themself: 'themselves', themselfs: 'themselves',
  oneself: 'myself', yourselfs: 'yourselves',
  // euphemisms and slang for risk
  kms: 'kill myself', kmsl: 'kill myself', kys: 'kill yourself', unalive: 'kill', unalived: 'killed',
  unaliving: 'killing', unalives: 'kills', sewerslide: 'suicide', suicde: 'suicide', sucide: 'suicide',
  suicidle: 'suicide', suiside: 'suicide', suicied: 'suicide', suacide: 'suicide', sucidal: 'suicidal',
  suicidel: 'suicidal', suisidal: 'suicidal', sh: 'self harm', selfharm: 'self harm', selfharming: 'self harming',
  selfharmed: 'self harmed', od: 'overdose', ods: 'overdoses', oded: 'overdosed', odding: 'overdosing',
  oding: 'overdosing', overdosd: 'overdosed', ctb: 'kill myself', dv: 'domestic violence', da: 'domestic abuse',
  fgm: 'female genital mutilation', cse: 'child sexual exploitation', cce: 'child criminal exploitation',
  paracetemol: 'paracetamol', paracetomol: 'paracetamol', 
  parcetamol: 'paracetamol', paras: 'paracetamol', tabs: 'tablets', neighbors: 'neighbours',
  neighbor: 'neighbour', nieghbours: 'neighbours', neibours: 'neighbours', naybors: 'neighbours',
  stepdad: 'stepdad', stepmom: 'stepmum', stepmam: 'stepmum',
};

/**
 * Looked up with words people typed, so it has no prototype: "constructor" or "toString" in a
 * message must find nothing here, not Object.prototype's functions (which crashed the turn).
 */
export const TOKEN_REWRITES: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, TOKEN_REWRITE_ENTRIES),
);

/**
 * Two- and three-word spellings joined or rewritten after tokenising, so that
 * "step dad" and "stepdad", or "my self" and "myself", read the same.
 */
export const PHRASE_REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['step dad', 'stepdad'], ['step father', 'stepfather'], ['step mum', 'stepmum'], ['step mother', 'stepmother'],
  ['step son', 'stepson'], ['step daughter', 'stepdaughter'], ['my self', 'myself'], ['him self', 'himself'],
  ['her self', 'herself'], ['them selves', 'themselves'], ['your self', 'yourself'], ['on line', 'online'],
  ['any more', 'anymore'], ['sewer slide', 'suicide'], ['self harming', 'self harming'],
  ['grand dad', 'grandad'], ['grand ma', 'grandma'], ['grand pa', 'grandpa'], ['care giver', 'carer'],
  ['e mail', 'email'], ['un alive', 'kill'], ['un alived', 'killed'], ['o d', 'overdose'],
  ['over dose', 'overdose'], ['over dosed', 'overdosed'], ['para cetamol', 'paracetamol'],
  ['can not', 'can not'], ['ex partner', 'ex partner'], ['baby daddy', 'baby dad'], ['babys dad', 'baby dad'],
  ['babys father', 'baby dad'], ['kids dad', 'baby dad'], ['kids father', 'baby dad'], ['other half', 'partner'],
  ['egg shells', 'eggshells'], ['id be', 'i would be'], ['id rather', 'i would rather'], ['ill be', 'i will be'], ['ill do', 'i will do'],
  ['ill kill', 'i will kill'], ['ill end', 'i will end'], ['id do', 'i would do'], ['cuckoo ing', 'cuckooing'], ['dead line', 'deadline'],
];

/** Verbs after which a lone "2" means "to" ("want 2 die"). */
export const TWO_MEANS_TO = /\b(want|wants|wanted|going|need|needs|try|trying|tried|like|used|about|ready|planning|plan|deserve|deserves|wish|able|allowed|start|started|begin|began|scared|afraid|talk|talking|speak|speaking|listen|go|going|come|went|back|close|next|nice|mean|said|say|reply|text|message)\s+2\b/g;

/** A lone "2" before a verb also means "to" ("talk 2 someone", "got nothing 2 live for"). */
export const TWO_BEFORE_VERB = /\b2\s+(die|be|go|kill|end|hurt|harm|talk|see|get|do|stay|live|leave|make|take|eat|sleep|speak|tell|help|keep|cut|jump|run|come|find|stop|cope|carry|ask|wake|exist|school|bed|work)\b/g;
