import type { PriorityGroupId } from '../vocabulary';

/**
 * High-precision cue phrases per priority group, in the risk-rule pattern
 * language (pattern.ts) and matched on stems. They let one message name several
 * groups ("won't go to school" + "lost my job") and carry groups the classifier
 * has seen few words for. Weight 1 = the phrase alone names the group; 0.6 = a
 * strong hint; 0.35 = a hint that needs the classifier to agree.
 */
export type Cue = readonly [pattern: string, weight: number];

export const GROUP_CUES: Readonly<Record<PriorityGroupId, readonly Cue[]>> = {
  'early-years-funding': [
    ['(free | funded | funding) ~3 (childcare | nursery | hours | early education | early learning | place | places | preschool | pre school)', 1],
    ['(15 | 30 | fifteen | thirty) ~1 (free)? ~1 hours', 1], ['free school (meals | dinners | lunch | lunches)', 1],
    ['pupil premium', 1], ['(two | 2) year ~1 (old)? ~1 (funding | offer | place)', 1], ['funding code', 1],
    ['(pay | paying | afford | cost | costs | help with) ~3 (nursery | childcare | childminder | preschool | pre school | breakfast club)', 0.8],
    ['(nursery | childcare | childminder) ~3 (fees | cost | costs | funding | free | afford)', 0.8], ['eypp', 1], ['feee', 1],
    ['(uniform) ~2 (grant | help)', 0.5], ['tax free childcare', 0.9],
  ],
  'school-attendance': [
    ['(will not | refus* | does not want to | not going | not been) ~3 (go | going | get)? ~2 (to)? ~1 (school | in | college)', 1],
    ['school (refusal | refuser | avoidance | phobia)', 1], ['ebsa', 1], ['(attendance | absence | absent) ~3 (school | officer | letter | fine | meeting | low | drop* | poor | persistent)?', 0.9],
    ['(excluded | exclusion | suspended | suspension | expelled) ~3 (from)? ~1 (school)?', 0.9], ['part time timetable', 1],
    ['(missed | missing | miss | skipping | skip | bunk* | truant*) ~3 (school | lessons | class | classes)', 1], ['truant*', 1],
    ['(fine | fined | court | prosecut*) ~4 (attendance | absence | term time)', 1], ['(pru | pupil referral unit | alternative provision)', 0.9],
    ['(behind | falling behind | struggl*) ~3 (at school | school work | schoolwork | homework | lessons)', 0.6],
    ['(home educat* | elective home education)', 0.8], ['(detention | isolation booth | isolation at school)', 0.6],
    ['(school | teacher | head) ~6 (send* | sent) ~1 (him | her) home', 0.8], ['child missing education', 1],
    ['(cries | crying | sick | anxious | panic) ~6 (school (gate | morning | mornings | days) | before school | going to school)', 0.8],
    ['(late) ~2 (for | to) school', 0.7], ['education welfare', 1], ['school', 0.35],
  ],
  'adverse-childhood-experiences': [
    ['(my | hard | difficult | rough | tough | traumatic | chaotic | unhappy) ~2 (childhood | upbringing | early life | start in life)', 1],
    ['(when i was | as a) (child | kid | little | young | younger | growing up | teenager)', 0.6], ['growing up', 0.5],
    ['(aces | adverse childhood)', 1], ['childhood trauma', 1], ['(in care | looked after child | care leaver) ~4 (as a | when i was | growing up)?', 0.6],
    ['(trauma | traumatised | traumatic)', 0.6], ['(been through | went through | seen) ~2 (a lot | so much | things)', 0.5],
    ['(kinship | special guardian* | foster* | adopted | adoption)', 0.5], ['(repeat* | cycle) ~3 (my parents | the cycle | mistakes)', 0.7],
    ['haunt*', 0.5], ['attachment', 0.5],
  ],
  'crime-antisocial-behaviour': [
    ['(arrest* | police | caution | charged | court | prison | jail | probation | youth offending | yot | custody | sentence | criminal record | offend*)', 0.8],
    ['(anti social | antisocial | asb | nuisance neighbours | vandal* | graffiti | joyriding)', 1],
    ['(burgled | burglary | broke into | broken into | break in | mugged | robbed | stolen | stole | theft | shoplift* | stealing)', 0.9],
    ['(victim of crime | victim support | hate crime | intimidat* | restorative justice)', 1],
    ['(trouble) ~2 (with)? ~1 (the)? ~1 police', 1], ['(bad crowd | wrong crowd)', 0.8], ['(fights | fighting) ~3 (town | street | park)', 0.6],
    ['(neighbours | neighbour | next door) ~6 (noise | noisy | abuse | shouting | trouble | harass* | threat* | dealing | drugs | parties | intimidat*)', 0.9],
    ['(dealing | selling) drugs ~4 (street | estate | road | outside)', 0.8], ['(criminal damage | assault* | attacked)', 0.6], ['gang*', 0.4],
  ],
  'financial-exclusion': [
    ['(lost | lose | losing) ~2 (my | his | her | our) ~1 (job | work | income)', 1], ['(redundan* | unemploy* | out of work | jobless | laid off | sacked)', 1],
    ['(debt | debts | arrears | owe | bailiff* | ccj | loan shark | payday loan | overdraft | credit card)', 0.9],
    ['(can not | cannot | struggl* | hard to | unable to) ~2 (afford | pay) ', 1], ['(money) ~1 (worries | problems | troubles | trouble | is tight | tight)', 1],
    ['(food bank | foodbank | food parcel | food voucher)', 1], ['(bills | gas and electric | energy | electricity | heating | prepayment | meter) ~4 (pay | afford | high | behind | run out | top up)', 0.8],
    ['(universal credit | benefit* | pip | esa | jsa | sanction* | tax credits | council tax | hardship | welfare support | crisis loan)', 0.8],
    ['(skint | broke | poverty | no money | cost of living | budget*)', 0.9], ['(find | finding | looking for | need) ~2 (a)? ~1 (job | work)', 0.7],
    ['(wages | pay | income) ~3 (low | not enough | do not cover | cover)', 0.7], ['(afford | money | pay | paying | payment)', 0.4], ['rent arrears', 0.8],
  ],
  neet: [
    ['(neet | not in education)', 1], ['(drop* out | quit | left | leaving | kicked off | thrown off) ~3 (college | sixth form | course | uni | university | apprenticeship)', 1],
    ['(apprenticeship | traineeship | supported internship | study programme | post 16 | careers advi* | career advice)', 1],
    ['(no | not) ~2 (job | work | college | course | training | education) ~3 (and | or | nor) ~2 (no | not)? ~1 (job | work | college | course | training | education | place)', 1],
    ['(after | leaving | left | finished) ~2 (school | year 11 | gcses | college)', 0.7], ['(gcses | a levels | qualifications | cv)', 0.5],
    ['(<1[6-9]|2[0-4]> | sixteen | seventeen | eighteen | nineteen) ~4 (job | work | college | unemployed | course | nothing | training)', 0.7],
    ['(young person | teenager | lad | son | daughter) ~6 (job | apprenticeship | college course | training)', 0.4], ['youth hub', 1],
  ],
  'domestic-abuse': [
    ['(abusive | abuse | abused | controlling | coercive | domestic violence | domestic abuse | dv) ~3 (relationship | partner | husband | wife | boyfriend | girlfriend | ex | marriage)?', 0.9],
    ['({POSS} {PARTNER} | he | she) ~4 (hit* | hurt* | shout* | scream* | threat* | control* | jealous | possessive | nasty | violent | put* me down | check* | track* | harass* | stalk*)', 0.7],
    ['(scared | afraid | frightened | terrified) ~2 of ~1 ({POSS} {PARTNER} | him | her)', 0.9], ['eggshells', 1], ['(refuge | marac | idva | dash | non molestation | clare law | freedom programme)', 1],
    ['(my | her | the kids) ~1 (ex) ~4 (harass* | will not leave | threat* | stalk* | turn* up | using the kids)', 0.9], ['child to parent violence', 1],
    ['(violent | hits | hit | hurts | attacks) ~3 (me | mum | my mum | towards me)', 0.7], ['honour based', 1], ['economic abuse', 1],
  ],
  'parental-conflict': [
    ['(argu* | row* | fight* | bicker* | fall* out | falling out | shout* at each other | tension | not getting on | do not get on) ~6 (partner | husband | wife | ex | mum and dad | parents | each other | we | us | front of the kids)?', 0.6],
    ['(divorce* | separat* | split* up | splitting | break up | broken up | relationship (breakdown | problems | counselling | support) | marriage problems)', 1],
    ['(co parent* | coparent* | child arrangements | contact (arrangements | with my | order) | custody | access to (my)? ~1 kids | mediation | family court | child maintenance)', 1],
    ['(step family | stepfamily | blended family | new partner)', 0.7], ['(parenting styles | disagree* ~4 (parenting | raise | kids))', 0.8],
    ['(my)? ~1 (mum and dad | parents) ~3 (argu* | fight* | row* | shout* | divorc* | split*)', 1], ['stuck in the middle', 0.9],
    // the flashpoints between separated parents: handovers and slanging matches
    ['(handover | handovers | hand over | handing over | drop off | drop offs | pick up | pick ups) ~8 (ex | argu* | row* | shout* | slanging | rows)', 0.9], ['(slanging | shouting | screaming) (match | matches)', 0.8],
  ],
  transitions: [
    ['(start* | starting | move* | moving | going) ~3 (secondary | primary | reception | nursery | year 7 | high school | college | university | uni | new school)', 1],
    ['(new | changing | change of | moved) ~2 (school | schools | area | house | home | town | city)', 0.8], ['(just moved | recently moved | new to the area | relocat* | relocating | arrived in)', 1],
    ['(moving house | move house | moving home | moving to)', 0.9], ['(transition* | preparing for adulthood | leaving care | care leaver | adult services)', 1],
    ['(finds | find | struggles with) ~2 change* ~2 (hard | difficult)?', 0.8], ['(settl* in | adjust* | getting used to)', 0.7],
    ['(leaving home | empty nest | retir* | leaving the (army | forces) | armed forces)', 0.8], ['(big | lots of | huge) changes', 0.8],
  ],
  'physical-health-disability': [
    ['(disabled | disability | disabilities | wheelchair | mobility | blue badge | adaptation* | ramp | stair lift | occupational therap* | physio*)', 0.9],
    ['(long term | chronic | life limiting | complex medical | terminal) ~2 (illness | condition | pain | fatigue | health | needs)?', 0.9],
    ['(back | knee | knees | hip | hips | joint | joints | neck) ~2 (pain | killing me | bad | problems | injury)', 0.8], ['(diabetes | epilepsy | asthma | cancer | stroke | heart attack | heart condition | parkinsons | copd | fibromyalgia | lupus | cerebral palsy | arthritis | multiple sclerosis | ms | long covid | genetic condition | feeding tube | seizures | kidney | crohns)', 1],
    ['(deaf | hearing (impair* | loss) | blind | visual* impair* | sight loss)', 1], ['(hospital | appointments | consultant | operation | surgery)', 0.5],
    ['(health problems | poorly | ill health | illness | unwell | sick a lot | off sick)', 0.6], ['(weight | obes* | overweight | healthy eating | diet)', 0.6],
    ['(dentist | teeth | dental)', 0.7], ['(dla | disability living allowance)', 1], ['(broke | broken) ~2 (leg | arm | hip)', 0.7],
  ],
  'substance-misuse': [
    ['(drink* | drunk | alcohol* | booze | wine | vodka | beer | lager) ~4 (too much | every day | every night | problem | all the time | again | heavily)?', 0.8],
    ['(drugs | drug | weed | cannabis | cocaine | coke | heroin | crack | spice | ketamine | ket | mdma | nitrous | laughing gas | pills | vaping | vape | stoned | high)', 0.7],
    ['(addict* | addiction | recovery | relapse* | detox | rehab | methadone | aa meetings | sober | sobriety)', 0.9], ['(gambl* | betting)', 0.9],
    ['(substance* | hidden harm | smoking weed | using drugs | taking drugs | on drugs | off his face | off her face)', 1], ['(using | been using | back on) ~1 (again | drugs | the drink | the booze)', 0.9],
  ],
  exploitation: [
    ['(exploit* | groom* | county lines | cuckoo* | modern slavery | traffick* | forced labour | debt bondage | radicalis* | extremis* | prevent referral | sextortion | mate crime)', 1],
    ['(scam* | conned | con man | rogue trader*)', 0.9], ['(taken advantage | taking advantage | take advantage | manipulat*)', 0.8],
    ['(older (boys | men | lads | friends | man)) ~6 (using | use | buy | buys | buying | bought | give | gives | giving | gifts | money | drugs | pressur*)?', 0.8],
    ['(new (stuff | clothes | trainers | phone) | cash) ~8 (will not | can not) ~2 (say | explain)', 1], ['(owes | owe) ~3 (money)? ~2 (people | someone | them | gang)', 0.8],
    ['(pressur* | forced | coerced) ~3 (crime | sell | selling | carry | carrying | drugs | sex)', 1], ['(gang | gangs)', 0.6], ['(asked | asking) for ~2 (pictures | photos | pics | nudes)', 1],
    ['(older men | strangers | adults) ~4 online', 0.9], ['(going missing | goes missing | keeps going missing)', 0.7],
  ],
  'mental-health': [
    ['(low | down | sad | depress* | anxious | anxiety | panic | stress* | overwhelm* | not coping | can not cope | struggling to cope | burnt out | burn out | empty | numb | hopeless)', 0.9],
    ['(mental health | mental illness | wellbeing | camhs | counselling | counsellor | therap* | ptsd | ocd | bipolar | schizophren* | psychosis | eating disorder | anorexi* | bulimi*)', 1],
    ['(crying | cry) ~3 (all the time | every day | a lot)?', 0.6], ['(can not | not) ~1 sleep ~3 (worry | worrying | anxious)?', 0.5], ['(mood | moods | angry | anger | temper | self esteem | confidence)', 0.6],
    ['(worry | worries | worrying | worried) ~3 (all the time | about everything | constantly)', 0.6], ['(withdrawn | withdrawing | isolat* in (his | her) room)', 0.7], ['(flat | teary | tearful | weepy)', 0.6],
    ['(hates | hate) ~1 (herself | himself | myself)', 1], ['(dying | dead | broken | empty) inside', 0.9], ['(stopped | not) eating', 0.7], ['(feel | feeling) ~2 (rubbish | awful | terrible | lost | alone | worthless)', 0.6],
  ],
  bullying: [
    ['(bull* | cyberbull* | troll*)', 1], ['(picked on | picking on | pick on | teas* | ganged up | make fun | making fun | laugh at | laughing at | call* ~1 (him | her | me) names)', 1],
    ['(left out | excluded) ~4 (friends | friendship | group | chat)', 0.8], ['(nasty | horrible | mean | abusive) ~2 (messages | comments | posts | stuff) ~3 (online | about)?', 0.9],
    ['(online safety | internet safety | safe online | fake account | group chat)', 0.8], ['harass* ~3 (work | school | online)', 0.7],
    ['(friends | girls | boys | kids) ~3 (turned on | ignoring | ignore | nasty to)', 0.8], ['(beaten up | pushed around)', 0.7],
  ],
  'new-parents': [
    ['(pregnan* | expecting | due date | midwife | antenatal | perinatal | postnatal | post natal | baby blues | newborn | new baby | new born | first baby)', 1],
    ['(new | first time | young | teen | single) ~1 (mum | dad | parent | mother | father)', 1], ['(breastfe* | bottle fe* | formula | weaning | colic | reflux | teething | nappies)', 0.9],
    ['(baby | babies) ~6 (cry* | sleep* | feed* | bond* | group | groups | class | massage)', 0.9], ['(toddler | stay and play | play group | playgroup | children centre | family hub | health visitor)', 0.8],
    ['(since | after) ~2 (having | had) ~1 (the | my)? ~1 baby', 1], ['(tantrum*)', 0.6], ['baby', 0.5], ['(night feeds | night feed | feeds | feeding) ~3 (killing me | every | all night | hours)?', 0.7],
    ['(<1|2|3> (year | years) old | toddler | toddlers | little one) ~6 (bedtime | sleep | sleeping | tantrum | tantrums | bites | biting | kicks | kicking | hitting | behaviour | potty | eating | fussy)', 0.8],
  ],
  housing: [
    ['(evict* | section 21 | section 8 | possession order | repossess* | homeless* | nowhere to live | somewhere to live | sofa surf* | rough sleep* | temporary accommodation | b and b | b b | bed and breakfast | hostel)', 1],
    ['(landlord | housing association | council house | housing list | waiting list for housing | homesearch | housing benefit | housing options | deposit | tenancy)', 0.9],
    ['(damp | mould | mold | disrepair | leak* | overcrowd* | no heating | broken boiler | mice | rats | cockroach* | condensation)', 0.9], ['(kicked | thrown | chucked | threw | kicking | throwing) (me | us | him | her | them)? ~1 out ~3 (of)? ~2 (home | house | flat)?', 0.9],
    ['(rent) ~3 (arrears | too high | afford | behind | increase | owe)', 0.8], ['(living in) ~2 (car | tent | one room | hostel)', 0.9], ['(our | my | the) ~1 (flat | house | home) ~4 (too small | unsuitable | not suitable | falling apart | freezing | cold)', 0.8],
    ['(housing | mortgage arrears | move somewhere bigger | need to move)', 0.8], ['(have to | got to | need to | told to | asked to | must) leave ~2 (our | my | the) ~1 (flat | house | home | property)', 1], ['(behind | arrears) ~3 (on | with)? ~1 (the | our | my)? ~1 rent', 0.9], ['(one | 1 | two | 2) ~1 (bed | bedroom | bedroomed) ~1 (flat | house | place)?', 0.7],
  ],
  'social-isolation': [
    ['(lonely | loneliness | isolated | isolation | alone | on my own | by myself | no one to talk to | nobody to talk to | no friends | no support | cut off | housebound | invisible)', 0.9],
    ['(meet | meeting | make) ~2 (people | friends | other parents | other mums | other dads)', 0.9], ['(befriend* | lunch club | community group* | social group* | men s shed | social prescrib* | youth club | chat group)', 1],
    ['(never | do not | can not | hardly | rarely | barely | seldom) ~2 (leave | get out of | go out of) ~1 (the)? ~1 (house | home)', 0.8], ['(nobody | no one) ~2 (visits | calls | to help | comes)', 0.9], ['on (his | her | my | their) own', 0.6], ['(does not | never | do not | can not | will not) ~1 go out', 0.7], ['(no | lost touch with) ~2 (friends | family nearby | social life)', 0.9],
    ['(things to do | activities) ~3 (for)? ~2 (older people | teenagers | young people | me)?', 0.6],
  ],
  bereavement: [
    ['(died | passed away | passed on | death | dead | funeral | grief | griev* | bereave* | loss of | lost (my | our | his | her) ~1 (mum | dad | husband | wife | partner | son | daughter | baby | brother | sister | nan | grandad | grandma | friend | child))', 1],
    ['(miscarriage | stillbirth | still born | baby loss)', 1], ['(widow | widower | probate)', 1], ['(terminally ill | end of life | dying)', 0.7], ['(losing | lost) (him | her | them)', 0.6],
    ['(anniversary of) ~2 (death | her death | his death)', 1], ['passed', 0.6],
  ],
  carers: [
    ['(carer | carers | caring | young carer | parent carer | kinship carer)', 1], ['(look* after | care* for) ~3 (my)? ~1 (mum | dad | husband | wife | partner | son | daughter | brother | sister | nan | grandad | parents | grandchildren | nephew | niece | him | her)', 0.9],
    ['(respite | short breaks | carers allowance | carers assessment | direct payments | personal assistant | night sitting | care package | home care)', 1], ['(break from caring | need a break)', 0.8],
    ['(dementia | alzheimers)', 0.6], ['(helps | help | helping) (me | us) ~5 (wheelchair | ill | disabled | unwell | sick | poorly | cope)', 0.8], ['(raising | bringing up | looking after) ~2 (grandchildren | grandkids | grandson | granddaughter | nephew | niece)', 1], ['(do everything | does all the) ~3 (for (my | her | him) | cooking | cleaning)', 0.7],
  ],
  'bame-communities': [
    ['(interpreter | translat* | language | english is not | speak little english | speaks little english | do not speak english | esol | eal | english as an additional)', 1],
    ['(refugee | refugees | asylum | migrant* | immigra* | visa | home office | no recourse | resettle* | settled status | brp)', 1], ['(racism | racist | discriminat* | prejudice)', 0.9],
    ['(culture | cultural* | faith | mosque | church | temple | gurdwara | religio*)', 0.6], ['(muslim | hindu | sikh | jewish | islamic)', 0.8], ['(bame | ethnic minority | minority ethnic | black | asian | gypsy | roma | traveller)', 0.9],
    ['(ukraine | syria | afghanistan | sudan | eritrea | iran | iraq | somalia | poland | romania | albania | eritrean | polish | urdu | arabic | romanian | ukrainian | syria* | afghan* | chinese | hong kong | somali* | punjabi | bengali | portuguese | lithuanian | kurdish | farsi | pashto | tigrinya | eritrea* | sudan* | iran* | iraq* | nigeria* | ghana* | bulgarian | turkish | tamil | gujarati | hindi | mandarin | cantonese)', 0.9],
  ],
  'learning-difficulties-autism': [
    ['(autis* | asd | asperger* | adhd | add | pda | neurodiver* | neurodivergent | dyslexi* | dyspraxi* | dyscalculi* | down syndrome | developmental delay | learning (difficult* | disabilit*))', 1],
    ['(send | sen | ehcp | ehc plan | education health and care | senco | special educational | special school | sendias | local offer)', 1], ['(speech | language | talking) ~3 (delay | behind | therapy | not yet)', 0.9],
    ['(meltdown* | sensory | stimming | masking | eye contact | routine*)', 0.8], ['(assessment | diagnos*) ~4 (autism | adhd | asd)?', 0.6],
    ['(not talking | is not talking | not speaking | struggles to read | can not read)', 0.8], ['(only | just | no | few) ~2 words', 0.8], ['dyslex*', 1],
  ],
};

/** Words that show someone is describing a problem, not asking a plain question. */
export const WORRY_CUES: readonly string[] = [
  'worr*', 'concern*', 'struggl*', 'problem*', 'issue*', 'difficult*', 'hard', 'scared', 'afraid', 'frightened', 'upset*', 'stress*',
  'can not', 'will not', 'cope', 'coping', 'help me', 'need help', 'please help', 'not sure what to do', 'do not know what to do', 'trouble',
  'awful', 'terrible', 'worse', 'behind', 'lost', 'refus*', 'bull*', 'abus*', 'lonely', 'evict*', 'debt*', 'arrears', 'homeless*', 'died',
  'passed away', 'drink* too much', 'drunk', 'drugs', 'arrest*', 'exclu*', 'anxious', 'anxiety', 'depress*', 'low', 'sad', 'crying', 'angry',
  'argu*', 'fight*', 'divorc*', 'separat*', 'damp', 'mould', 'skint', 'broke', 'afford', 'unemploy*', 'redundan*', 'sanction*', 'missing',
  'not in', 'no job', 'nothing', 'racis*', 'discriminat*', 'meltdown*', 'overwhelm*', 'exhaust*', 'tired', 'grief', 'griev*', 'funeral',
  'pregnan*', 'isolat*', 'alone', 'no one', 'nobody', 'victim', 'stolen', 'burgl*', 'scam*', 'exploit*', 'groom*', 'control*', 'ill', 'illness',
  'disab*', 'autis*', 'adhd', 'diagnos*', 'carer', 'caring', 'look after', 'hate*', 'not coping', 'kicked out', 'fined',
];

/** Signs that needs are more than one simple thing. */
export const COMPLEXITY_CUES: readonly string[] = [
  'for (months | years | ages | a long time | weeks)', 'getting worse', 'worse and worse', 'tried everything', 'nothing (works | is working | helps)',
  'multiple', 'lots of (problems | things | issues)', 'so many (problems | things)', 'every (day | night | morning)', 'all the time', 'constantly',
  'again', 'keeps', 'keep happening', 'on top of', 'as well as', 'also', 'and now', 'at breaking point', 'can not cope', 'not coping',
  'no one (will | is) (help | helping | listening)', 'social worker', 'referr*', 'professionals', 'team around', 'early help assessment',
];

/** Statutory-level words that make a case specialist even without a risk rule. */
export const STATUTORY_CUES: readonly string[] = [
  'child protection', 'section 47', 's47', 'child in need', 'section 17', 'care proceedings', 'looked after', 'social services involved',
  'strategy meeting', 'initial child protection', 'icpc', 'public law outline', 'court order', 'significant harm', 'mash',
];

/** Greetings, thanks and small talk: never a worry. */
export const SMALL_TALK = /^\s*(hi|hey|hiya|hello|good (morning|afternoon|evening)|thanks?|thank you|cheers|ok|okay|yes|no|bye|goodbye|test|testing|help|start|menu|what can you do|who are you)[\s!.?]*$/i;

/** Opening words of an information question. */
export const QUESTION_START = /^\s*(where|how|what|when|which|who|is there|are there|can i|can you|can we|could|do you|do i|does|is it|are you|what s|whats|tell me|i want to know|i d like to know|id like to know|looking for|find)\b/i;

/**
 * Words that make a message about a risk topic rather than a case: training, signs to look
 * for, leaflets, policy. A rule firing on such a message alone is not escalated (the model
 * still is); see model/decision.ts.
 */
export const TOPIC_CUES: readonly string[] = [
  '(training | course | courses | session | sessions | assembly | assemblies | workshop | webinar | lesson | lessons | curriculum | pshe)',
  '(leaflet | leaflets | poster | posters | resources | resource | toolkit | information about | info about | factsheet)',
  '(signs of | sign of | spot the signs | spotting | warning signs | indicators of | how to recognise | how to spot)',
  '(policy | policies | procedure | guidance on | awareness | awareness week | campaign | research | project | essay | dissertation | documentary | podcast)',
  '(what is | what are | what does | meaning of | definition of | whats)',
];

/**
 * A child is present or at risk: with a domestic abuse, adult or emergency route, the children's
 * route is added (a child living with domestic abuse needs the front door as well as the
 * helpline). Adult sons and daughters are left out on purpose.
 */
export const CHILD_PRESENT_CUES: readonly string[] = [
  '(baby | babies | toddler | toddlers | infant | infants | newborn | little one | little ones | kids | kid | children | child | siblings | twins | grandchildren)',
  '(young | little) (son | daughter | boy | girl | brother | sister)',
  '<[0-9]|1[0-7]> (year | years | month | months | week | weeks) old',
  '(in front of | around | near) (the | my | our | her | his) (kids | children | son | daughter | baby | little one)',
  '(the | my | our | her | his) (kids | children | stepson | stepdaughter | little brother | little sister)',
  '(pupil | pupils | year <[1-9]|1[0-3]>)',
];
/** The person speaking, or the one at risk, is a child: the children's route leads. */
export const CHILD_SPEAKER_CUES: readonly string[] = ['i am <1[0-7]|[0-9]>', 'i am only <1[0-7]|[0-9]>', 'i am in year <[1-9]|1[0-3]>', 'my (mum | dad | stepdad | stepmum) (hits | hit | hurts | beats | kicks) me'];
