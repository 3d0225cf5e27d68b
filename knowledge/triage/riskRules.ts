import type { RiskRoute } from '../vocabulary';

/**
 * Risk rules as data. A rule fires when any of its patterns (pattern.ts) is
 * found in the message, unless every place it is found sits inside a frame that
 * says it is figurative ("these bills are killing me") or about the speaker's own
 * distant past ("I was hit as a child"). Recall comes first: when a rule is in
 * doubt it fires.
 */
export interface RiskRule {
  id: string;
  route: RiskRoute;
  /** Patterns over the stem stream (inflections match). */
  patterns: readonly string[];
  /** Patterns over the plain words, for where tense matters ("missing" is not "miss"). */
  surface?: readonly string[];
  /** The rule fires only when one of these is also somewhere in the message. */
  requires?: readonly string[];
  /**
   * The rule does not fire when one of these is somewhere in the message. Only
   * used to choose between twin rules for the same words (child or adult),
   * never to drop a risk: the twin rule without `excludes` catches it.
   */
  excludes?: readonly string[];
  /** Matches inside a figurative frame do not count. */
  figurative?: boolean;
  /** Matches inside a "when I was a child" frame do not count. */
  historic?: boolean;
}

const CHILD_CONTEXT = [
  '{CHILD}', 'school', 'year <[1-9]|1[0-3]>', '(fortnite | roblox | minecraft | snapchat | tiktok | discord | xbox | playstation)', 'i am <1[0-7]|[0-9]>', 'i am only <1[0-7]|[0-9]>', 'aged <1[0-7]|[0-9]>',
  '(she | he) is <1[0-7]|[0-9]>', 'is <1[0-7]> !(minutes | mins | pounds | quid | hours | days | weeks | percent | miles | months)', 'underage', 'under age', 'foster', 'stepdad', 'stepmum',
];
/** Words a child would use about home. Only for routing "scared to go home" to children's services as well. */
const CHILD_SPEAKER = [...CHILD_CONTEXT, 'my (mum | dad | parents | stepfather | stepmother)'];
const OLDER_CONTEXT = ['{OLDER}'];

export const RISK_RULES: readonly RiskRule[] = [
  // ---------------------------------------------------------------- emergency
  {
    id: 'emergency.overdose-taken',
    route: 'emergency',
    patterns: [
    ],
    surface: [
      '(taken | took | swallowed | downed | necked | popped) ~3 {QTY} ~4 {PILLS}',
      '(taken | took | swallowed | downed | necked | popped) ~2 {PILLS} ~3 (all at once | at once | too many | with (vodka | alcohol | drink | wine | booze))',
      '(taken | took | had | done | did) ~2 (an | a) ~1 overdose', 'overdosed', 'overdosing',
      'overdose (just | now | tonight | today | earlier | an hour ago)',
      '(swallowed | downed | necked) ~1 (all | a whole | a load of | loads of | a box of | a packet of | a bottle of | the lot of | too many | a handful of | handfuls of) ~1 (my | her | his | the | of)? ~1 <[a-z]+> !(pride | words | tongue | gum | water | drink | food | dinner)',
      '(taken | took | swallowed) ~3 {QTY} ~2 (anti depressants | anti depressant | sleeping pills | sleeping tablets | pain killers)',
      '(ate | eaten | eating | swallowed | drank | drunk | chewed | got into) ~4 (some | a load of | loads of | lots of | all | the | my | her | his | a few | a packet of | a box of)? ~2 (tablets | pills | medicine | medication | bleach | cleaning liquid | washing tablets | washing capsules | capsules | button battery | batteries | paracetamol | calpol bottle)',
      'medicine cabinet ~8 (ate | eaten | swallowed | took | taken | drank)',
    ],
  },
  {
    id: 'emergency.weapon',
    route: 'emergency',
    patterns: [
      '(has | got | have | holding | holds | waving | with | carrying | carries | carry | pulled | pull | grabbed | brandishing | brandished | threatened | threatening | threatens | came at | coming at | hiding | hid | bought | took) ~3 {WEAPON} !(crime | crimes | amnesty | set | block | sharpener | and fork)',
      '{WEAPON} ~3 (to | at | against) ~1 (my | his | her | their | the) ~1 (throat | neck | head | face | chest)',
      '(stab | stabbed | stabbing | shoot | shot | shooting) ~2 (me | us | him | her | them | someone | somebody | {POSS} {REL} | people)',
      'acid attack', '(threw | throw | throwing) acid',
      '(pointing | pointed | points | aiming | aimed | aims) ~3 {WEAPON}', '{WEAPON} ~6 (pointing | pointed | aimed | aiming) ~3 (at)? ~1 (me | us | him | her | them | my | the kids | someone)',
      '(has | have | had | was | were | been | got | is | just) ~1 (stabbed | shot | glassed | knifed)',
    ],
    figurative: true,
  },
  {
    id: 'emergency.violence-now',
    route: 'emergency',
    patterns: [
      '{VIOLENT} ~1 (me | us | her | him | them | mum | dad | {POSS} {REL}) ~3 (right now | as we speak | at the moment | this minute | currently)',
      '(right now | as we speak | this minute) ~4 {VIOLENT} ~1 (me | us | her | him | them | mum | dad | {POSS} {REL})',
      '(is | are) (killing | strangling | choking | stabbing | attacking | beating | battering | hitting) (me | us | her | him | them | {POSS} {REL} | mum | dad)',
      '(trying | tried | try) to (break | kick | smash | get) ~1 (in | down | the door | through)',
      '(trying | tried | try) to (get | break | force | climb) ~2 (into | in) ~1 (my | the | our) ~1 (house | flat | home | room | window | car)',
      '(breaking | kicking | smashing | banging) ~2 (in | down) ~1 (the | my | our) ~1 door',
      // the door named before the particle: "kicking the front door in", "smashing the back window through"
      '(breaking | kicking | smashing | booting | bashing | forcing) ~1 (the | my | our) ~1 (front | back | bedroom | flat)? ~1 (door | doors | window | windows) ~1 (in | down | through | open)',
      // strangulation happening now
      '(got | has | have | is putting | are putting | putting | with) ~1 (his | her | their) ~1 (hand | hands | fingers | arm | arms) ~2 (round | around) ~2 (my | her | his | mum | {POSS} {REL}) ~1 (neck | throat)',
      '(hand | hands | arm | arms | fingers) ~2 (round | around | on | at) ~2 (my | her | his | mum | {POSS} {REL}) ~1 (neck | throat) ~6 (now | right now | help | please | can not breathe | as we speak)',
      '(strangling | choking | throttling | suffocating | smothering) ~3 (me | her | him | mum | {POSS} {REL}) ~6 (help | please)',
      '(outside | at) ~1 (my | the | our) (door | house | flat | window) ~4 (threaten* | shouting | screaming | banging | knife | trying)',
      '((i | we) ~2 (hiding | hid) | locked myself | locked ourselves | barricaded) ~4 (bathroom | room | toilet | bedroom | cupboard | from (him | her | them))', 'hiding from (him | her | them | my {PARTNER})',
      '(is | are | am) being (beaten | attacked | stabbed | hit | punched | kicked | assaulted | strangled | choked | battered | hurt) ~1 (up)?',
      '(i am | im | we are | i m | locked) ~1 (locked)? ~1 in (the | my)? ~1 (toilet | bathroom | bedroom | room | car | cupboard) ~8 (smashing | going mad | kicking off | screaming | banging | threatening | raging | going crazy | angry)',
      '(smashing | going mad | kicking off | banging | raging) ~8 (locked | hiding) ~1 (in)? ~1 (the | my)? ~1 (toilet | bathroom | bedroom | room | car | cupboard)',
      '(i am | we are | she is | he is | they are | life is | lives are | is) ~1 in (danger | immediate danger) !(of)',
      '(call | ring | phone | get) ~2 (999 | an ambulance | ambulance | the police | police) ~3 (now | please | quick | help)',
    ],
    surface: [
      '(hitting | beating | attacking | strangling | choking | punching | kicking | hurting | stabbing | threatening | battering | slapping) ~1 (me | us | her | him | them | mum | dad | my {REL} | the kids | the baby) ~2 now',
      '(attacking | beating | stabbing | hitting | punching | kicking | strangling | battering | beating up) ~3 (someone | somebody | a man | a woman | a boy | a girl | my | his | her | their | the | people | a kid | a lad) ~6 (now | right now | outside | in the street | as we speak | at the moment)',
      '(drunk | drinking | high | off his face | off her face | stoned | wasted) ~8 (driving | drive | drove | driving off | in the car) ~8 (kids | children | baby | my son | my daughter | the kids | my kids)',
      // violence going on while the person types, in any order and with slang verbs
      '(hitting | beating | laying into | battering | attacking | strangling | choking | punching | belting | whacking | thumping | slapping | beating up | stabbing | kicking the) ~10 (right now | as we speak | this minute | this second | at this moment)',
      '(right now | as we speak | this minute | this second) ~8 (hitting | beating | laying into | battering | attacking | strangling | choking | punching | belting | whacking | thumping | slapping | beating up | stabbing)',
      '(laying into | laid into | layed into | setting about | kicking the shit out of | beating the shit out of | kicking the hell out of | beating the hell out of) ~6 (me | us | her | him | them | mum | dad | my | his | her | their | a | the | some)',
      '(kids | children | baby | my son | my daughter) ~6 (in the car | in his car | in her car) ~8 (drunk | drinking | high | off his face | stoned | wasted)',
    ],
    figurative: true,
  },
  {
    id: 'emergency.medical',
    route: 'emergency',
    patterns: [
      'not breathing', 'stopped breathing', 'can not breathe', 'struggling to breathe', 'unconscious', 'unresponsive',
      '(will | can | could) not wake ~2 up ~4 (pills | tablets | drink | drunk | breathing | floppy | blue | drugs)', 'floppy and',
      'passed out ~4 (pills | tablets | drink | drugs | bottle | floor)',
      '(he | she | i | baby | mum | dad | {POSS} {REL}) ~2 collapsed', 'blue lips', '(lips | face) ~2 (blue | grey)',
      '(having | had | having a | had a) (fit | seizure)', 'fitting ~2 (on the floor | and not | now)',
      '(bleeding | blood) ~3 (heavily | badly | everywhere | a lot | lots | will not stop | not stopping)', 'lots of blood',
      '(seriously | badly | really badly) (hurt | injured)',
      // a person who does not respond, in plain words
      '(he | she | they | baby | mum | dad | nan | gran | grandad | grandma | {POSS} {REL} | friend | mate) ~2 (is | are | was | has)? ~1 (not | stopped) (moving | responding | responsive) !(out | house | on | in | away | forward | schools | school | home | back | anywhere | from | to | at | with | near | here | there | yet | jobs | job | money | fast | quickly | much | around)',
      '(can not | could not | cannot) (wake | rouse) ~1 (him | her | them | my {REL} | the baby | mum | dad | nan | gran | grandad) up !(for | in the | in time | on time | early | before | mornings | morning | most | every | some | till | until | at | on | when | without | to | and get)',
      '(can not | could not | cannot) (wake | rouse) ~1 (him | her | them | my {REL} | the baby | mum | dad | nan | gran | grandad) !(up | for | in the | in time | on time | early | before | mornings | morning | most | every | some | till | until | at | on | when | without | to)',
      // in water or fire, trapped, choking, floppy
      '(has | have | is | are | just | has just | have just | been) ~1 (fallen | fell | jumped | gone | slipped | pushed) ~2 (in | into) ~1 (the | a)? ~1 (river | canal | sea | lake | pond | reservoir | quarry | water | pool | swimming pool | harbour)',
      '(fallen | fell | jumped | slipped | pushed) ~2 (in | into) ~1 (the | a)? ~1 (river | canal | sea | lake | pond | reservoir | quarry | water | pool | harbour) ~6 (help | can not (see | find | swim | get) | not moving | drowning | struggling | gone under | under the water)',
      '(house | flat | building | home | kitchen | room | car) ~3 (is | are | on)? ~1 fire ~8 (inside | in there | trapped | stuck | upstairs | can not get out)', '(trapped | stuck) ~4 (fire | smoke | flames | burning)',
      '(choking | choked) on (her | his | their | my)? ~1 (sick | vomit | own sick | a sweet | a grape | a toy | a coin | a battery | a button)', '(baby | toddler | he | she | child | son | daughter | {POSS} {REL}) (is | are) choking !(me | us | her | him | them | on (his | her) words)',
      '(is | really | very | gone | went | going | all) ~1 floppy',
      '(has | have | just | she | he | mum | dad | nan | gran | grandad | grandma) ~1 (fallen | fell | had a fall | collapsed) ~8 (not moving | can not get up | can not move | on the floor for | been on the floor | not responding | unconscious | will not wake | not waking | out cold)',
    ],
  },
  {
    id: 'emergency.about-to-jump',
    route: 'emergency',
    patterns: [
      '(about to | going to | gonna | ready to | want to | wanna) ~2 (jump !(on | up | around | rope | at | to | into | in | through | the queue | over | for | ship | about) | throw myself | step off)',
      '(jump | jumping | throw myself | step | stepping | walk | lie down) ~2 in front of ~2 (train | trains | bus | car | lorry | traffic | truck)',
      '(standing | stood | sitting | sat | i am | im) ~3 (on | at | by) ~2 (the | a)? ~1 (edge | ledge | bridge | roof | rooftop | cliff | cliffs | tracks | railway line | top of the)',
      '(on | at) (the | a) (bridge | ledge | roof | cliff | tracks | railway line) ~6 (jump | end it | die | goodbye)',
    ],
  },
  {
    id: 'emergency.threat-to-kill',
    route: 'emergency',
    patterns: [
      '(going to | gonna | will | about to | says he will | said he would | says she will | want to | wants to | threatening to | threatened to | threatens to | tried to | trying to) ~2 (kill | murder | stab | shoot | strangle) (me | us | you | her | him | them | {POSS} {REL} | the kids | the children | the baby | everyone | someone | somebody | people)',
      '(kill | murder) (me | us | her | him | them | the kids | the children | the baby) ~2 (if | when) ~2 (i | we | you) ~2 (leave | tell | call | go)',
    ],
    figurative: true,
  },
  {
    // Threats to harm others: a school, a place of worship, a group, the people who hurt them.
    id: 'emergency.threat-to-others',
    route: 'emergency',
    patterns: [
      '(shoot | shooting | shot) up ~2 (the | his | her | my | their | a)? ~1 (school | college | class | mosque | church | synagogue | temple | office | work | place)',
      '(going to | gonna | will | want to | wants to | wanna | planning to | plans to | plan to | planned to | threaten* to | talks about | talking about | keeps saying | kept saying | says he will | says she will | said he would) ~3 (bomb | blow up | shoot | attack | stab | set fire to | burn down | firebomb | run over | hurt | kill | get revenge on | make (them | him | her) pay) ~4 (school | college | mosque | church | synagogue | temple | gurdwara | people | everyone | the (lads | boys | girls | kids | class | teachers | teacher) | lads | boys | girls | kids | teachers | a teacher | his class | her class | my class | them all | all of them | the ones who | those who | who bullied | people who)',
      '(bomb | bombing | blow up | blowing up | attack | attacking | burn down | burning down) ~2 (the | a)? ~1 (school | college | mosque | church | synagogue | temple | gurdwara | shopping centre | concert)',
      '(hurt | kill | stab | shoot | get | attack) ~3 (the (lads | boys | girls | people | kids) | those (lads | boys | girls | people | kids)) ~3 (who | that) ~3 (bullied | hurt | picked on | laughed at) ~6 (planned | plan | tonight | tomorrow | going to | got a)?',
      '(got | have | it is | its) ~1 (it all | everything | the whole thing) ~1 (planned | worked out) ~8 (hurt | kill | attack | revenge | them | pay)',
      '(hurt | kill | attack | revenge | make them pay) ~8 (got | have | it is) ~1 (it all | everything | the whole thing) ~1 (planned | worked out)',
    ],
    figurative: true,
  },
  {
    id: 'emergency.child-alone-now',
    route: 'emergency',
    patterns: [
      '{YOUNG_CHILD} ~6 (alone | on (their | his | her) own | by (themselves | himself | herself)) ~6 (right now | now | tonight | all night | hours | screaming | crying | at the moment)',
      '(right now | tonight | all night) ~6 {YOUNG_CHILD} ~4 (alone | on (their | his | her) own)',
      // a young child alone somewhere a child can die: a balcony, a window, a road, water
      '{YOUNG_CHILD} ~6 (alone | on (their | his | her) own | by (themselves | himself | herself) | unsupervised | no (adult | adults | grown ups | one) ~2 (in | about | around | home | with (him | her | them))?) ~8 (balcony | window ledge | window sill | windowsill | open window | roof | main road | busy road | the road | river | canal | pond | lake | motorway | railway | train tracks)',
      '(balcony | window ledge | window sill | windowsill | open window | roof | main road | busy road | river | canal | pond | railway | train tracks) ~8 {YOUNG_CHILD} ~6 (alone | on (their | his | her) own | by (themselves | himself | herself) | unsupervised | no (adult | adults | grown ups | one))',
      '{YOUNG_CHILD} ~6 (locked | left | alone | shut | trapped) ~3 in (a | the | their | her | his) (car | van | hot car)', '(locked | left | trapped) ~3 in (a | the) (hot)? ~1 car ~6 {YOUNG_CHILD}', '{YOUNG_CHILD} ~6 in (a | the) ~1 (locked | hot | parked) ~1 (car | van)',
    ],
  },

  // ---------------------------------------------------------------- crisis
  {
    id: 'crisis.suicidal-intent',
    route: 'crisis',
    patterns: [
      '(kill | killing | killed | hang | hanging | hanged | drown | drowning | poison | poisoning | shoot | top | topping | off | end | ending | gas | suffocate | starve | starving) {REFLEX}',
      '(end | ending | ended | take | taking | took | takes | kill) (my | his | her | their | your | our) ~1 (own)? (life | lives)',
      'end it all', 'end everything', 'ending it all', 'finish it all', 'check out for good',
      '(want | wanna | going | gonna | plan | planning | thinking | think | thought | tempted | decided | ready | might | may | could | feel like | feeling like) ~3 (end | ending) (it | things) !(with | between | off with)',
      '(ways | way | how) to (die | kill myself | end it | end my life | end things | do it without)', '(researching | googling | looking up | searched | searching) ~3 (ways | how) to ~1 (die | kill | end)',
      'suicid*', 'take the easy way out',
      '(jump | jumping | throw myself | throwing myself) ~2 (off | from) ~3 (bridge | roof | building | cliff | cliffs | car park | multi storey | balcony | window | ledge | tower)',
      'goodbye (note | letter | message | messages | post | video | texts)', 'suicide (note | letter)',
      '(better off | better) ~2 (dead | gone | without me | if i (was | were | am) (dead | gone | not here))',
      'everyone ~3 better ~1 off ~2 without (me | him | her)',
      '(happier | easier | better | safer | calmer | lighter | simpler) ~2 (off)? ~1 without me !(there | around | at | in | on | being | getting | for | moaning | nagging)',
      '(nobody | no one | noone) would ~2 (miss | notice | care) ~2 (me | if i | if she | if he)',
    ],
    figurative: true,
  },
  {
    id: 'crisis.wants-to-die',
    route: 'crisis',
    patterns: [
      '(want | wanna | wanted | wants | wish | wishing | wished | ready | hope | pray | praying | rather | like | longing | long) ~3 (to)? ~1 (die | dead | dying | not exist | disappear | vanish | not be alive | not be here | not wake up | sleep forever | go to sleep forever | be gone | stop existing | be with (him | her | them) again)',
      'wish ~2 (i | she | he) ~2 (was | were | had) ~2 (dead | never born | never been born | not born | not here | gone)',
      '(sleep | go to sleep | fall asleep) ~3 (never | not) ~1 wake ~1 up', '(what is | whats) the point ~3 (anything | anymore | living | life | going on | trying | of me | in me | of it all | carrying on)',
      '(think | thinking | thought | thoughts | dream | dreaming | obsess | obsessing | fantasi*) ~2 (about | of)? ~1 (dying | death | being dead | not being here | killing myself | ending it | ending my life | not existing)',
      '(done | finished) with (life | living | everything | it all | this life | being alive)',
      '(nothing | no one | nobody | no reason | not much | nothing much) ~3 (to)? ~1 (live | living) for', 'not worth living for',
      '(walk | walking | swim | swimming | drive | driving | wade | wading) ~3 (into | off) ~2 (the | a)? ~1 (sea | river | canal | lake | water | cliff | traffic | motorway) ~6 (not | never) ~1 (come | coming) back',
      '(think | thinking | thought | going to | gonna | want to | wanna | might | will | keep thinking | tempted to | plan to) ~3 (driving | drive | crash | crashing | walk | walking | swim | swimming | step | stepping) ~2 (into | off | in front of | out in front of) ~2 (a | the | my)? ~1 (wall | tree | river | sea | canal | lake | traffic | bridge | cliff | lorry | train | bus | water | motorway)',
      '(had enough | sick of | tired of) ~3 (of)? ~1 (everything | life | it all | living) ~4 (want out | want to go | want it to stop | want it all to stop)?',
      '(can not | cant | could not) be bothered ~1 (to live | living | with life | being alive | to be alive)', 'want (it all | everything) to (stop | end)',
      '(do | doing | done) something (stupid | silly | drastic | bad) ~3 (tonight | today | to myself | to herself | to himself | soon | now)?',
      '(do | doing | done | did) something to (myself | herself | himself | themselves)',
      '(urge | urges) ~2 (to)? ~1 (cut | self harm | harm | hurt | die | kill | end it | overdose | jump)',
      '(be | being) around ~2 (much longer | for long | for much longer)', '(saying | say | said | posted | posting | sent) goodbye to (everyone | everybody | all | the world)',
      '(easier | better | happier | simpler) ~4 if ~1 (i | she | he) ~2 (was not | were not | am not | is not | was | were | wasn) ~1 (here | around | alive | gone | dead | in the way)',
      'goodbye ~8 (sorry for everything | forgive me | love you all | look after | take care of | for the last time)', '(sorry for everything | forgive me | love you all) ~8 goodbye',
      '(hate | hates | sick of | fed up with) ~1 (my | her | his) life ~6 (want | wants | wish | wishes) ~2 (it | this | everything)? ~1 (over | to end | to stop | gone)', '(can not | do not | cannot) see ~2 (a | any) ~1 way out',
      '(do not | dont | no longer | not) ~1 (want | wanna | wish) ~1 to ~1 (be here !(at | in | with | for | on) | be alive | live !(here | in | with | there | near | next | at | on | round | around | like | somewhere | where) | exist | be around | wake up !(for | early | in | at | on) | carry on !(with | at | working | studying | going | the | my) | go on !(holiday | holidays | the | a | trips | with | about | to | school | my | any | at) | be on this earth | keep going !(to | back | with))',
      '(no | not | nothing) ~3 (point | reason | purpose) ~3 (living | live | life | alive | going on | carrying on | being here | existing | waking up | in me being here | keep going | keeping going | go on | carry on)',
      '(not | unsure | no longer | do not know if | doubt) ~4 (want | wanna) ~1 to ~1 (be alive | live | exist | stay alive)',
      'not worth living', 'life ~2 not worth', 'can not (go on !(holiday | holidays | the | a | trips | with | about | to | school | my | any | at | their) | carry on !(with | at | working | studying | going | paying) | cope anymore | take it anymore | do this anymore | take anymore)',
      '(can not | do not want to | not able to) ~1 keep going !(to | back | with)', 'give up on (life | living | everything)',
      '(given up | giving up) on (life | living | everything)',
      'tired of (living | being alive | life | existing)', 'sick of (living | being alive)',
      '(burden | waste of space) ~3 (everyone | everybody | my family | to all)',
      '(this | that) is (goodbye | my goodbye)', 'goodbye (forever | everyone | cruel world)',
      '(written | wrote | writing | left) ~2 (a | my) ~1 (goodbye | suicide) ~1 (note | letter)',
      'giving away ~2 (my | her | his) ~1 (things | stuff | belongings)',
      'not (be | going to be) around ~2 (much longer | for long | anymore)', 'will not be here (tomorrow | much longer)',
      '(voices | voice | my head | my mind | my brain | thoughts) ~4 (telling | tell | told | tells | keep telling | keeps telling) ~2 (me)? ~1 (to)? ~1 (hurt | kill | harm | die | jump | end it | end my life | end things)',
      '(giving | gave | given | give) (my | her | his | all my | all her | all his) (stuff | things | belongings | possessions | clothes | games) away',
      '(favour | favor | relief) ~4 if ~1 (i | she | he) ~2 (was not | were not | am not | was | were | died | die) ~1 (alive | here | around | gone | dead)?',
      '(left | leaves | leaving | wrote | written | sent) ~2 (a | an | his | her)? ~1 (note | letter | message | text) ~8 (sorry | goodbye | loves us | love you | forgive) ~8 (not answering | is not answering | can not reach | can not find | missing | gone)?',
      '(better | easier | happier) ~3 if ~1 (i | she | he) ~1 (died | die | was dead | were dead | killed myself | killed herself | killed himself | was not here | were gone | just died)',
      '(thought | thinking | think | planned | planning | plan | worked out) ~2 (about)? ~1 how (i would | i will | i could | to | i am going to) ~1 (do it | end it | kill myself | die | end my life) !(differently | better | again | properly)',
      '(end | stop | finish) ~1 (my | the | all the | this) ~1 (pain | suffering | misery | hurt) ~2 (forever | for good | permanently | once and for all)',
      '(do not | can not | cannot | no longer | never) ~1 see ~1 (a | any) ~1 future ~2 (for (me | myself) | anymore | at all | ahead)', 'no future for (me | myself)',
      '(want | wants | wanted | wish | need) ~1 (it all | everything | all of this | all this | this life | life) ~1 to (be over | end | stop | go away) !(soon | by | before | with | so | and)',
      '(going to | gonna | will | ready to) ~1 do it ~3 (tonight | today | now | this time) ~6 (no one | nobody | can not | goodbye | sorry | for real | this time | stop me)',
      '(no one | nobody) ~1 (can | will | could) ~1 stop me !(from (going | doing | getting | buying | eating | having | seeing | trying))',
      '(texted | text | texts | messaged | message | messages | rang | called | phoned | snapchatted | posted) ~4 (to say)? ~1 (sorry for everything | goodbye | good bye | bye forever | (she | he) loves (me | us) | i love you | forgive (me | her | him)) ~10 (off | not answering | can not reach | can not get hold | missing | gone | no answer | voicemail)',
      '(think | thinking | thought | keep thinking | tempted | want to | going to | gonna) ~3 (driving | drive | swerving | swerve | crashing | crash) ~3 (off | into | in front of) ~2 (the | a | my)? ~1 (road | cliff | edge | bridge | motorway | oncoming traffic | lorry | wall | tree) !(works | worker | workers | sign | signs)',
      '(crash | crashing | crashed | wrap | wrapping) ~2 (my | the) car ~4 (on purpose | deliberately | into something | into a tree | into a wall)',
      // passive death wishes: hoping the body gives up or an accident happens
      '(hope | hoping | hoped | wish | wishing | pray | praying | prayed | would not mind if | would not care if) ~4 (my heart ~2 (stops | stop | stopped | gives up | gives out | would stop) | (i | she | he) ~2 (do not | does not | never | did not | would not) ~1 wake ~1 up | (i | she | he) ~1 (die | died | dies) in (my | her | his) sleep | (a | the) ~1 (bus | car | lorry | train | truck) ~3 (hits | hit | runs over | would hit) ~1 (me | her | him) | (i | she | he) ~2 (get | got | gets) ~1 (hit | run over) by | (something | an accident) ~2 (happens | happened | kills) ~2 (me | to me) | (i | she | he) ~2 just (die | died | stop breathing | stopped breathing))',
      // farewell letters to everyone; a date chosen
      '(written | wrote | have written | left | leaving) ~1 (letters | notes | goodbye letters | last letters) ~1 (to | for) ~1 (everyone | everybody | all of them | all my (family | friends) | my (family | kids | children | parents)) !(about | inviting | asking | to | thanking | for | at | in | on | explaining about | regarding | re | saying thank | who | that)',
      '(decided | picked | chosen | chose | set | planned) ~3 (when | the (day | date) | a (day | date)) ~4 (i | to | it) ~3 (do it | end | die | end it)',
      '(letters | notes | goodbye | goodbyes | do it | end it | my affairs in order) ~12 (decided | picked | chosen | chose) ~4 (it is going to be | it will be | when it is | the day is | the day) ~2 (monday | tuesday | wednesday | thursday | friday | saturday | sunday | tomorrow | tonight | the weekend | next week | my birthday)',
      // doubt about still being alive soon
      '(can not promise | can not say | do not know if | not sure if | not sure | no idea if | doubt) ~2 (i will | i would | i am going to | i will still | that i will) ~2 (still)? ~1 (be here | be around | be alive | make it) ~2 (next (week | month | year) | tomorrow | by (the weekend | tomorrow | friday | monday) | much longer | for long | tonight | in a (week | month))',
      '(will | would) ~1 (still)? ~1 (be here | be alive | be around) ~3 (next week | tomorrow | much longer | by the weekend) ~4 (can not promise | do not know | not sure | doubt it | who knows)',
    ],
    figurative: true,
  },
  {
    id: 'crisis.self-harm',
    route: 'crisis',
    patterns: [
      'self harm*', 'self injur*',
      '(cut | cuts | cutting | burn | burns | burning | burnt | hurt | hurts | hurting | harm | harms | harming | scratch | scratching | punch | punching | hit | hitting | bite | biting | starve | starving | bruise | bruising | stab | stabbing) {REFLEX}',
      '(cut | cuts | cutting | slit | slitting | slash | slashed) ~1 (my | her | his | their | your) ~1 (wrist | wrists | arm | arms | leg | legs | thigh | thighs | skin | stomach)',
      '(cuts | scars | marks | burns | slashes | scratches | bandages | plasters) ~1 (on | all over | up) ~1 (my | her | his | their) ~1 (arm | arms | wrist | wrists | leg | legs | thigh | thighs | skin | stomach | body)',
      '(razor | razors | blade | blades | sharpener) ~6 (arm | arms | wrist | wrists | cut | cutting | room | hides | hiding | hidden | found)',
      '(hurting | harming | cutting) ~2 (again | relapsed)',
      '(scratch | scratching | scratches | pick | picking | pinch | pinching | hit | hitting | burn | burning | bite | biting | punching) ~3 (my | her | his | their) ~1 (arms | arm | legs | leg | skin | wrists | face | head | thighs) ~4 (bleed | bleeds | bleeding | blood | raw | marks | scars | bruised)',
      '(till | until) (it | they) (bleed | bleeds)', '(pics | pictures | photos | picture | photo | videos | video | snaps) ~2 of ~1 (her | his | their | my) ~1 (cuts | scars | wounds | burns | self harm | arms cut)', '(till | until) ~2 (my | her | his | their)? ~1 (knuckles | skin | hands | fists | arms | wrists | legs | lips) ~2 (bleed | bled | bleeding | are raw | is raw | split | bruised)',
      '(punch | punches | punching | punched | hit | hits | hitting) ~2 (walls | the wall | the walls | doors) ~8 (bleed | blood | bleeding | hurt myself | broke (my | his | her) (hand | knuckles) | knuckles)',
      // eating disorders with a sign of danger
      '(making | make | makes | made) (myself | herself | himself | themselves) (sick | throw up | vomit) ~3 (after (every | each | eating | meals | meal | dinner | tea | food | she eats | he eats | i eat) | every (time | meal | day | night) | on purpose | again)', 'purging', 'anorexi* ~8 (hospital | weight | not eating | stopped eating | relapse | relapsed | faint | fainting | heart | scared | worse | dying | die)',
      '(lose | losing | lost | lose more) ~3 weight ~4 (until | till) ~2 (i | she | he) ~1 (disappear | die | vanish | am nothing | is nothing | am gone | is gone)',
      '(stopped | stop | not | barely | hardly | refuses | refusing) ~2 (eating | eat) ~10 (disappear | die | dying | deserve | punish | fainting | fainted | skin and bone | bones showing | hospital)',
      '(sit | sitting | sat | staring | stare | stared) ~4 {PILLS}', '{PILLS} in (my | her | his) hand',
      '(bang | bangs | banging | hit | hits | hitting | punch | punches | punching | smash | smashing) ~1 (my | her | his | their) ~1 (head | fists | fist) ~2 (against | on | into) ~2 (the | a)? ~1 (wall | walls | floor | door) !(with | trying)',
      '(burning | burn | burns | burnt | cutting | cuts | scratching | slashing | slashed) ~1 (my | her | his | their) ~1 (arms | arm | wrists | wrist | legs | thighs | skin | stomach | tummy) ~4 (with | using | again | lighter | cigarette | cigarettes | razor | blade | knife | compass | scissors)?',
    ],
    surface: [
      '(keeps | kept | started | been | still | is | are | has been) cutting !(his | her | my | the | their | down | back | up | out | off | corners | class | classes | school | lessons | hair | grass | wood | paper | through | in | costs | ties | me)',
    ],
    figurative: true,
  },
  {
    id: 'crisis.cannot-keep-safe',
    route: 'crisis',
    patterns: [
      '(not | never | no | unsure | struggl* | hard | difficult | worried | scared | afraid | can not | could not | unable | doubt) ~5 (keep | keeping) ~1 (myself | me | himself | herself | themselves) ~1 safe',
      '(not | unsure | can not | could not | unable | doubt) ~5 (stay | staying | be | feel) safe !(walking | going | on the | in the (area | street | streets | park | town | city) | at (school | work | night) | around here | in this area | outside | using | online | on the bus)',
      'not safe (from | around | with) myself', 'danger to myself', 'risk to myself', 'trust myself',
      'scared of ~2 what ~1 i ~1 (might | will | could) ~1 do', 'not sure ~3 (can | will) ~2 (stay | keep) ~2 safe',
    ],
  },
  {
    id: 'crisis.overdose-thoughts',
    route: 'crisis',
    patterns: [
      'overdos*',
      '(stockpiling | stockpile | saving up | saved up | hoarding | hoard | collecting | collected | stashing | stash) ~3 {PILLS}',
      '{PILLS} ~2 (saved | saved up | stockpiled | hoarded | stashed | collected | hidden | ready)',
      '(got | have | put | laid | lined | set) ~3 (the | my | all the | all my | all of the | all of my)? ~1 {PILLS} ~2 (out | lined up | laid out | in front of me | on the (table | bed | side | floor | desk)) !(ready for | for (the | my | his | her | tomorrow | tonight | morning) | in (the | a) (dosette | pill box | organiser))',
      '(thinking of | think about | thinking about | going to | gonna | want to | planning to | might) ~2 (taking | take | swallow | swallowing) ~1 (them all | all of them | them | the lot | all) ~6 {PILLS}?',
      '(take | taking | swallow | swallowing) ~2 (all | the whole | whole | too many | a handful of | handfuls of | a box of | a packet of | the lot of | loads of) ~3 {PILLS}',
      '{PILLS} ~4 (ready | to end | and never wake | and not wake | to die | and die)',
      'ligature', '(rope | noose) ~6 (ready | myself | neck | tie | tied | hang | bought | got | room | hidden | hide | hiding)',
      '(got | have | bought | hidden | hid) ~2 (a | the) ~1 (rope | noose | ligature)',
    ],
    figurative: true,
  },
  {
    id: 'crisis.not-ok',
    route: 'crisis',
    patterns: [
      '(i am | im) not (ok | okay | alright | all right | coping) ~1 (at all | anymore | really | now | tonight)',
      '(i am | im) not (ok | okay | alright | all right) !(with | about | for | that | if | when | to | going)',
      'at (breaking point | rock bottom)', 'falling apart', 'can not take (it | this) anymore',
      'really (dark | scary) (place | thoughts)', 'dark thoughts', 'intrusive thoughts ~4 (hurt | harm | kill)',
      '(i am | im | she is | he is | mentally | feel | feeling) ~1 in a (really | very)? (bad | dark) (place | way)',
      'in crisis', 'mental health crisis', '(nervous | mental) breakdown', '(having | had | verge of | close to | on the edge of) a breakdown',
      '(i | i have | have) ~1 (lost all | no | given up all | given up) hope', 'no way out',
      '(i am | im | my life is | life is | i feel like i am | everything is) falling apart',
    ],
  },
  {
    id: 'crisis.harm-to-baby-thoughts',
    route: 'crisis',
    patterns: [
      '(might | could | want to | going to | feel like | scared i will | afraid i will | thoughts of | thinking of | think about) ~1 (hurt | harm | shake | smother | kill | drown | hit) ~1 (my | the | our) ~1 (baby | child | son | daughter | kids | children | newborn | toddler)',
    ],
  },

  // ---------------------------------------------------------------- safeguarding: child
  {
    id: 'safeguarding-child.sexual-abuse',
    route: 'safeguarding-child',
    patterns: [
      '(rape | raped | raping | rapist | molest* | sexually (abused | assaulted | touched) | sexual (abuse | assault | activity) | indecent* | interfered with | paedo* | pedo* | pervert | flashed | exposed himself | exposed herself)',
      '(made | make | makes | forced | forces | forcing) ~2 (me | her | him | them) ~3 (touch | watch porn | sex | undress | naked | take off)',
      '(sleeps | sleeping | slept | gets into | got into) ~2 (in)? ~1 (my | her | his) bed ~4 (stepdad | uncle | dad | man | he | brother | cousin)',
      '(stepdad | stepfather | uncle | dad | father | man | brother | cousin | grandad | lodger | mum boyfriend | he) ~4 (sleeps | gets | got | comes | came | creeps | crept | climbs) ~1 (in | into) ~1 (my | her | his) ~1 (bed | bedroom at night | room at night)',
      '{PARENT} ~3 (abuse | abused | abusing | abuses | molest* | rape | raped | raping) ~2 (me | her | him | them | us)',
      '(told | tells | says | said | asked | asks | made | makes) ~3 (me | her | him | them)? ~1 not to tell ~1 (anyone | anybody | my | mum | dad | parents | my parents | the teacher | the police | police | nobody)',
      '(makes | made | making | forces | forced) (me | her | him) ~2 (sit on (his | her) lap | kiss (him | her) | touch (him | her) | get into bed | sleep in (his | her) bed)',
      '(does | did | doing | do) (things | stuff) to (me | her | him) ~3 (at night | when | in bed | that | and | in the)?',
      '(photos | pictures | videos | pics | filmed | filming | recorded | recording | photographed) ~4 (of)? ~1 (me | her | him) ~4 (shower | bath | naked | undressed | changing | getting changed | in bed | sleeping)',
      '(showed | shows | showing | sent | sends | sending) ~3 (rude | dirty | porn | sexual | naked | explicit) ~1 (pictures | videos | photos | images | pics | stuff | films)',
      '(comes | coming | came | walks | walking | walked | barges | barging | bursts) ~2 (into | in) ~1 (the | my | our)? ~1 (bathroom | shower | bedroom | room) ~4 (when i | while i | when she | while she | when he | while he) ~2 (in there | getting changed | changing | showering | in the shower | in the bath | naked | asleep)',
      '(<1[0-5]> (year | years) old | aged <1[0-5]> | i am <1[0-5]> | she is <1[0-5]> | he is <1[0-5]> | {CHILD} <1[0-5]>) ~6 (pregnant | having sex | sleeping with | had sex)',
      '(sleeping with | having sex with | had sex with | sex with | dating | seeing | going out with) ~2 (a | an)? ~1 (<1[89]|[2-9][0-9]> (year | years) old | grown man | grown woman | older man | older woman | adult | man in his (twenties | thirties | forties))',
      '({POSS}? {ABUSER} | he | man | someone | mum partner | mum boyfriend) ~4 (comes | coming | came | creeps | creeping | crept | gets | getting | climbs | climbing | sneaks | sneaking) ~1 (in | into) ~1 (my | her | his) ~1 (room | bedroom | bed) ~3 (at night | in the night | when (i | she | he) (am | is) asleep | while (i | she | he) (am | is) asleep)',
      '(pregnant | having sex | had sex | sleeping with) ~6 (<1[0-5]> (year | years) old | aged <1[0-5]> | she is <1[0-5]> | i am <1[0-5]> | he is <1[0-5]>)',
    ],
    surface: [
      '(secret | tickling | naughty) (game | games | cuddles | touching) !(santa)',
      '(says | said | told me | tells me | tells her | told her | tells him | told him) ~2 (it is | its | this is | that is | to keep it | keep it) ~1 (our)? ~1 (little)? ~1 secret !(until | till | for | about | surprise | present | party | birthday | santa)',
      '(teacher | coach | tutor | youth worker | youth leader | leader | priest | imam | instructor | scout leader | volunteer | lifeguard) ~8 (messaging | messages | messaged | texting | texts | texted | snapchatting | dms | dm | dming | calling | calls) ~8 (secret | not to tell | delete (them | the messages | it) | between us)',
      '(makes | made | making | forces | forced | gets | got) (me | her | him) (do | to do) (things | stuff) ~4 (does not like | do not like | did not like | does not want | do not want | did not want | not want | uncomfortable | hurts | secret | not to tell | at night | in bed)',
      '(stepdad | stepfather | uncle | dad | father | man | brother | cousin | grandad | lodger | boyfriend | partner | he | husband | mum boyfriend | mums boyfriend | mum partner | friend) ~3 (walks | walked | walking | comes | came | coming | barges | barged | bursts | burst) in ~3 (when | while) ~2 (i am | she is | he is | i m | i have | i was | she was | he was) ~2 (in the bath | in the shower | getting changed | changing | naked | undressed | getting dressed | on the toilet | having a bath | having a shower | in the toilet)', '(our | a) (little)? secret ~6 (uncle | stepdad | dad | grandad | cousin | man | he | touch | games | not to tell)',
      '(asked | asks | asking | wants | wanted | told | tells | pressured | pressuring | pressures | made | makes | getting) ~6 (send | sending | video call | videocall | facetime | call | show | showing | take off | strip | undress | pose | go on cam | go on camera) ~4 (naked | nude | nudes | topless | without (clothes | any clothes | her clothes | his clothes | a top) | in (her | his | my) (underwear | bra | pants) | her body | his body | privates | private parts)',
      '(sent | sending | sends | shown | showed | shows | showing) ~5 (of)? ~1 (private parts | privates | his privates | genitals | willy | penis | his bits | himself naked | herself naked | dick pics | dick pic | dirty pictures | naked pictures)',
      '(touched | touches | touching | touchy | groped | gropes | groping | fondled | fondling | fondles) ~3 (me | my | her | him | them | private | privates | down there | inappropriately | underwear | body | bum | chest | breasts | boobs)',
      '(touch | touching) ~2 (me | her | him) ~2 (inappropriately | down there | privates | private parts)',
    ],
  },
  {
    id: 'safeguarding-child.physical-abuse',
    route: 'safeguarding-child',
    patterns: [
      '{PARENT} ~3 {VIOLENT} ~2 (me | us | him | her | them | my (brother | sister | siblings | little) | us kids | the (kids | children | baby) | (my | her | his | their) (kids | children | baby | son | daughter | toddler | child))',
      '(he | she) ~3 {VIOLENT} ~2 (the | my | her | his | their | our) ~1 (kids | children | baby | son | daughter | toddler | child | little ones)',
      '(bruise | bruises | bruising | black eye | broken arm | injuries | cigarette burns) ~6 {CHILD}',
      '{CHILD} ~6 (bruise | bruises | bruising | black eye | cigarette burns | injuries | marks on | burn mark | burn marks | scald | scalded | fracture | fractured | broken bone | bite marks | belt marks | grip marks | fingertip bruises)',
      '(bruise | bruises | burn | burns | burn mark | marks | injury | injuries | fracture) ~10 (says | said | claims | claimed) ~2 (she | he | they | it) (fell | fall | walked into | tripped | slipped)',
      '(came | comes | come | coming) back from ~3 (contact | dad | mum | his dad | her dad | his mum | her mum | visiting | the weekend | staying) ~4 with ~2 (a)? ~1 (burn | burns | bruise | bruises | marks | injury | injuries | black eye | cut | cuts)',
      '{CHILD} ~4 (is | are | being | been | gets | got | getting) ~2 (hit | beaten | kicked | slapped | punched | battered | smacked hard | thrown) ~3 (at home | by ~1 (his | her | their | my | the)? ~1 {PARENT} | by (him | her))',
      '{CHILD} ~4 (is | are | being | been) ~1 (abused | neglected)',
      '(hits | hit | hitting | beats | beating | smacks | slaps | shakes | shook | hurt | hurts | kicks | throws | threw) ~2 (the | my | her | his | their | our) ~1 (baby | toddler | kids | children | son | daughter | little ones | child)',
      '(hits | hit | hitting | beats | beating) ~2 (me | us) ~5 (belt | slipper | stick | cane | hanger | wooden spoon)',
      '(injury | injuries | bruise | bruises | bruising | broken (leg | arm | bone | bones | rib | ribs | wrist) | fracture | fractures | burn | burns | marks) ~6 (parents | they | mum | dad | she | he | nobody | no one | family | carer | carers | stepdad | boyfriend) ~2 (can not | could not | cannot | will not | would not | do not | does not) ~1 (explain | say how | tell (me | us) how)',
      '(injury | injuries | bruise | bruises | bruising | broken (leg | arm | bone | bones | rib | ribs | wrist) | fracture | fractures | burn | burns) ~4 (no | without any) (explanation | reason given)',
      '{YOUNG_CHILD} ~4 (has | had | came back with | got | with | has got) ~2 (a)? ~1 (bump | bumps | bruise | bruises | mark | marks | burn | burns | cut | injury | injuries | black eye | swelling | swollen) ~8 (after | when | while) ~4 (looking after | looked after | babysitting | babysat | minding | alone with | left with | being left with | with (him | her | his dad | her dad | my partner | my boyfriend | dad | stepdad))',
      '(unexplained | non accidental) ~1 (injury | injuries | bruise | bruises | bruising | fracture | fractures | burn | burns | marks)',
      'child (abuse | protection | cruelty)', '(hear | heard | hearing) ~4 (smacking | smacks | hitting | slapping | beating | being hit | being hurt | thuds and screaming)',
    ],
    figurative: true,
    historic: true,
  },
  {
    id: 'safeguarding-child.neglect',
    route: 'safeguarding-child',
    patterns: [
      '(left | leave | leaves | leaving) ~3 {YOUNG_CHILD} ~3 (alone | on (their | his | her) own | by (themselves | himself | herself) | unattended | unsupervised | home alone | with no adult | with nobody)',
      'home alone !(for (a few | ten | five | 10 | 5 | 15 | fifteen | 20 | twenty | a couple of | two) (minutes | mins))', '{YOUNG_CHILD} ~5 (left | home | is | are | was | were | stay | stays) ~2 (alone | on (their | his | her) own | by (themselves | himself | herself)) !(for (a | five | ten | 5 | 10) (minutes | mins))',
      '(neighbours | neighbour | next door | their | her | his) ~3 {CHILD} ~8 (hungry | starving | filthy | dirty | unwashed | smell | smelly | not fed | never fed | no food | locked (in | out) | out (late | all night) | screaming | crying for hours | no coat | no shoes | no heating | ignored)',
      '(neighbours | next door | their | her | his) ~3 {CHILD} ~8 (out | in the street | on the streets | outside | roaming) ~3 (at midnight | all hours | late at night | all night | at night | till midnight)',
      '(nephew | niece | grandson | granddaughter | grandchild | grandchildren | godson | goddaughter | stepson | stepdaughter) ~8 (hungry | starving | filthy | dirty | unwashed | smelly | not fed | never fed | no food | left alone | alone at night | locked (in | out))',
      '{YOUNG_CHILD} ~4 (left | is left | has to | made to | expected to)? ~2 to (look after | mind | babysit | care for) ~3 (the baby | baby | siblings | little (brother | sister) | toddler | the little ones) ~6 (while | when | because) ~3 (mum | dad | she | he | they | parents) ~2 (goes out | go out | went out | out | drinking | at work | away | asleep)',
      '(leaves | left | leave | leaving) (him | her | them) ~2 (alone | on (his | her | their) own | by (himself | herself | themselves)) ~3 (at night | overnight | all night | all day | for hours | for days | while (she | he) (goes | works | is))',
      '{YOUNG_CHILD} ~6 (wandering | wandered | roaming | alone | on (her | his | their) own | by (herself | himself)) ~6 (street | streets | road | outside | at night | midnight | <[0-9]|1[0-2]> (pm | am) | <[0-9]|1[0-2]>pm | late)',
      '{CHILD} ~3 (next door | down the road | across the road | upstairs | downstairs | over the road | on our street | in the flat) ~8 ((out | in the street | on the streets | outside | roaming) ~3 (at midnight | all hours | late at night | all night | at night | till midnight) | hungry | starving | filthy | dirty | unwashed | smell | smelly | not fed | never fed | no food | locked (in | out) | out (late | all night) | screaming | crying for hours | no coat | no shoes | no heating | ignored | alone)',
      '(neglect | neglected | neglecting | neglectful) ~6 {CHILD}', '{CHILD} ~6 (neglect | neglected | neglecting | neglectful)',
      '{PARENT} ~4 (always | constantly | usually | often | every day | all the time)? ~1 (drunk | high | wasted | stoned | off (her | his) face | passed out | out of it) ~10 (no food | not have food | do not have food | do not have any food | nothing to eat | hungry | not fed | never feeds | does not feed | do not get fed)',
      // two signs of neglect together, in practitioners' words ("frequently hungry, poor hygiene")
      '(hungry | unkempt | unwashed | poor hygiene | smelly | smells | head lice | dirty clothes | same clothes | underweight | not fed) ~8 (hungry | unkempt | unwashed | poor hygiene | smelly | smells | head lice | dirty clothes | same clothes | no electricity | no food | no heating | no gas | no beds | no bed | mattress on the floor | underweight | missed (appointments | health appointments))',
      // children living in squalor, said of any household
      '{CHILD} ~6 (living | live | lives | kept | left | being brought up | growing up) ~1 in ~1 (filth | squalor | dirt | a (tip | pigsty | state | hovel) | their own mess | dog mess | rubbish)',
      '{CHILD} ~12 ((dog | cat | animal | human) ~1 (mess | poo | poop | muck | faeces | feces | wee | urine) | (never | no | not any | hardly any) ~1 (any)? ~1 food in the (house | fridge | cupboards | flat))',
      '((dog | cat | animal | human) ~1 (mess | poo | poop | muck | faeces | feces | wee | urine) ~3 (on the)? ~1 (floor | floors | carpet | carpets | everywhere) | (never | no | not any | hardly any) ~1 (any)? ~1 food in the (house | fridge | cupboards | flat)) ~12 {CHILD} ~4 (dirty | filthy | hungry | smell | smelly | unwashed | skinny | thin | neglected | living)?',
      '(baby | babies | toddler | kids | children | child) ~6 (cries | crying | screams | screaming) ~4 (for hours | all night | all day) ~6 (nobody | no one | noone) ~2 (comes | goes | checks | does anything)',
      '(mum | dad | {PARENT} | she | he | they) ~6 (does not | do not | never | not) ~1 (feed | feeds | fed) ~1 (us | me | them | the kids | the children | the baby | her kids | his kids | her children)',
      '{PARENT} ~2 (has not | have not | not | has never | never) ~1 been ~1 (home | back) ~3 (for | since | in) ~2 (days | nights | ages | a week | two days | three days | yesterday | the weekend)',
      '{PARENT} ~3 (left | leaves | went out | goes out | gone out) ~4 (us | me | the kids | my (brother | sister)) ~3 (alone | on our own | by ourselves | on my own | for days | overnight | all night)',
      '(locked | locks | locking) ~2 (me | us | him | her | them | the kids | the children) ~2 (in (the | a | my | his | her | their) (room | bedroom | cupboard | shed | garden | house) | out (all night | overnight | in the cold | of the house at night))',
      '(drunk | high | wasted | stoned | passed out | out of it | off (her | his) face | on drugs | smashed) ~8 (looking after | in charge of | with | driving | collecting | picking up) ~3 (the | my | her | his)? ~1 {CHILD}',
    ],
  },
  {
    id: 'safeguarding-child.grooming',
    route: 'safeguarding-child',
    patterns: [
      'groom*',
      '(group chat | group chats | chat | server | discord | snapchat | whatsapp | group | groups | chats) ~4 (with | full of | of) ~2 (older | adult | grown | grown up) ~1 (men | man | boys | lads | people | strangers | guys)',
      '(model | modelling | modeling) (scout | agent | agency | contract | job) ~10 (photos | pictures | pics | selfies | video | meet | body)',
      '(man | men | older man | stranger | strangers | someone | guy | adult) ~8 (asking | asks | asked | wants | wanted | keeps asking) ~2 (her | him | me)? ~1 (for)? ~1 (photos | pictures | pics | selfies | videos | a photo | a picture | a pic | to meet)',
      '(older | grown) ~1 (man | men | guy | guys | boy | boys | lad | lads | bloke | boyfriend | girlfriend | woman | women | friend | friends | person | adult) ~8 (buys | buying | bought | gives | giving | gave | picks | picking | picked | drives | driving | taking | takes | took | gifts | presents | money | phone | trainers | vapes | alcohol | drink | weed | lifts | cash | meets | meeting | messages | messaging | texting | texts | secret)',
      '(asked | asking | asks | wants | wanted | pressuring | pressured | pressure | made | making | make | send | sending | sent | share | shared | sharing | leaked | post | posted | spread | spreading) ~4 (nude | naked | explicit | topless | sexy | rude | dirty | intimate | sexual | inappropriate | private) ~1 (pictures | photos | videos | images | selfies | pics | snaps | picture | photo | video | image | selfie)',
      'nudes', 'sexting', 'sextortion', 'sexual exploitation', 'child sexual exploitation', 'onlyfans',
      '(blackmail* | threaten* | extort*) ~6 (pictures | photos | videos | images | nudes | pics | share | post)',
      '(met | meet | meeting | talking to | talks to | chatting to | chatting with | speaking to | messaging) ~2 (a | an | some)? ~1 (man | men | guy | adult | stranger | strangers | older) ~4 (online | on (snapchat | instagram | tiktok | discord | roblox | fortnite | whatsapp | a game | games | the internet | an app))',
      '(someone | man | guy | adult | person | boy | girl) ~3 (she | he | they) (met | meets | talks to | chats to) online',
      'online ~10 (wants | want | wanted | asked | asking | arranged | arranging | planning | plans | going | agreed) ~2 to ~1 (meet | meet up | see her | see him | visit)',
      '(keep | keeping | kept) ~3 (it | this | our | a)? ~1 secret ~6 (man | he | she | adult | older | online | friend | boyfriend | coach | teacher)',
      '(told | tells | asked | asks | said) ~3 (to)? ~1 keep ~4 secret',
      '(<1[0-5]> (year | years | yr | yrs) old | aged <1[0-5]>) ~8 (<1[89]|[2-9][0-9]> (year | years | yr | yrs) old) ~6 (friend | boyfriend | girlfriend | man | woman | mate | picks | picking | collects | lifts | messages | buys)',
      '(boyfriend | girlfriend) ~5 (older | much older | years older | twenties | thirties | adult | grown man | grown woman | <1[89]|[2-9][0-9]> (year | years) | (is | aged) <1[89]|[2-9][0-9]>)',
      '(staying | stays | stayed | sleeping) ~3 (at | with) ~2 (older | adult | man | men | strangers | a stranger | his house | his flat | her flat) ~3 (flat | house | place)?',
      '(sleeping | slept | sleep | sleeps | staying) ~2 (rough | on the streets | in a park | in the park | outside | in a tent | on a bench | in a car | in a stairwell)', '(nowhere | no where) to (sleep | stay) ~2 (tonight)?',
      'age gap',
      '(<1[0-5]> (year | years | yr | yrs) old | aged <1[0-5]> | (she | he | i) (is | am) <1[0-5]>) ~10 (men | older men | grown men | man in his | men in their | adults | adult men | in their (20s | twenties | 30s | thirties))',
      '(men | older men | lots of men | loads of men | different men | strange men | cars) ~4 (going in and out | coming and going | visiting | in and out | calling round) ~10 (girls | teenage | teenagers | kids | young | underage | children)',
      '(girls | teenage girls | kids | young people) ~10 (men | older men | lots of men | loads of men | different men) ~4 (going in and out | coming and going | visiting | in and out)',
      '(paying | pays | paid | offering | offered | offers | money | cash | gifts | vouchers | robux) ~4 (to)? ~1 (send | sending | share | sharing | take | taking) ~2 (pictures | photos | pics | videos | selfies | images | nudes)',
      '(teacher | coach | tutor | youth worker | instructor | priest | leader | pe teacher | scout leader | teaching assistant | football coach) ~6 (come round | round to (his | her) | alone | on (her | his) own | meet up | to (his | her) house | to (his | her) flat | sleepover | stay over)',
      '(teacher | coach | tutor | youth worker | instructor | priest | leader | pe teacher | scout leader | teaching assistant | football coach) ~6 (messaging | messages | messaged | texting | texts | texted | snapchat | dm | dms | privately | in private | secret | gifts | alone with | lifts | social media | whatsapp)',
      '(guy | man | someone | person | boy | adult | stranger | he) ~4 (from | on | in) ~1 (fortnite | roblox | minecraft | snapchat | tiktok | discord | instagram | xbox | playstation | a game | online | the internet) ~8 (address | pics | pictures | photos | meet | secret | gifts | money | skins | v bucks | robux | school | where (i | she | he) (live | lives))',
      '(man | men | stranger | strangers | adult | guy | guys | older boys) ~6 (giving | gives | gave | offering | offered | offers | buying | bought) ~3 (kids | children | girls | boys | them | her | him | my {CHILD}) ~3 (sweets | money | lifts | a lift | vapes | cigarettes | drink | alcohol | gifts | presents | weed)', '<1[89]|[2-9][0-9]> (year | years) old (boyfriend | girlfriend | man | guy | bloke | men | woman)',
    ],
    requires: CHILD_CONTEXT,
    figurative: true,
  },
  {
    id: 'safeguarding-child.county-lines',
    route: 'safeguarding-child',
    patterns: [
      'county lines', 'county line', 'drug running', 'trap house', 'bando', 'child criminal exploitation',
      '{CHILD} ~8 (running | selling | dealing | holding | carrying | moving | drop | dropping | delivering) ~3 {DRUGS}',
      '(exploit | exploited | exploiting | exploitation) ~6 {CHILD}', '{CHILD} ~8 (exploit | exploited | exploiting | exploitation)',
      '(radicalis* | radicalized | radicalised | extremis* | extremist | terrorist | prevent referral | far right | jihad*)',
    ],
  },
  {
    id: 'safeguarding-child.criminal-exploitation',
    route: 'safeguarding-child',
    patterns: [
      '(running | run | runs | ran | selling | sell | sells | sold | dealing | deal | deals | holding | hold | holds | carrying | carry | carries | moving | move | moves | dropping | drop | drops | stashing | stash | hiding | delivering) ~3 {DRUGS} ~6 (for | older | gang | money | someone | somebody | them | lads | men | boys)',
      '(running | carrying | delivering | moving | dropping | holding) ~2 (packages | parcels | bags | a bag) ~4 (for (older | a gang | some older | men | lads | someone | them) | gang)',
      '(run | running | carry | carrying | deliver | delivering | move | moving | drop | dropping | hold | holding | keep | keeping | stash | stashing) ~2 (packages | parcels | bags | a bag | a package | a parcel | stuff) ~2 for ~2 (some | these | those | older)? ~1 (guys | lads | men | boys | people | man | bloke | blokes) ~6 (cash | money | paid | pay | a fee | trainers | quid | <\\d+>)',
      // a debt invented to trap a child: "they took his phone, now they say he owes them"
      '(say | says | said | saying | claim | claims | claimed | told (him | her | me)) ~1 (that)? ~1 (he | she | i) (owes | owe) (them | him | money | a debt) !(an apology | a favour | a thank you | thanks | nothing | one | a drink | a pint | a lift)',
      '(owes | owe) (them | the lads | the gang | older lads | some lads) ~4 (for the | because | after | now | money | work it off | pay it back)',
      '(gang | gangs | older (boys | lads | men | kids | teens)) ~10 (drugs | money | cash | phone | phones | trainers | missing | debt | owes | owe | threatened | threaten | stab | scared | recruit | recruited | involved | working | work for)',
      '(owes | owe | owed | in debt to) ~3 (money)? ~3 (gang | dealer | dealers | older boys | lads)',
      'drug debt', 'drugs debt', 'burner phone', 'second phone',
      '(making | make | made | makes | forcing | force | forced | get | getting | got | pressuring | pressured | asking | asked | asks | paying | pays | paid | using | uses | used) ~2 (him | her | my {CHILD} | them | kids | children) ~1 (to)? ~1 (deliver | carry | hold | hide | sell | drop | move | stash | run | take) ~2 (stuff | things | packages | bags | drugs | parcels | something | it | weed | gear)',
      '(phone | phones | money | cash) (that is not | that isnt | which is not | that are not) (his | hers | theirs)',
      '(stopped | arrested | found | picked up) ~3 (by)? ~1 (the)? ~1 police ~4 (in)? ~1 (another | other | a different)? ~1 (town | city | area | county | bristol | london | birmingham | swindon | cardiff | exeter | plymouth | weston)',
      '(picked up | collected | dropped off | driven) ~2 by ~2 (men | older (men | boys | lads) | strangers | a man | adults | people he does not know | people she does not know) ~3 (in a car | in cars)?',
      '(men | older (men | boys | lads) | strangers) ~4 (in a car | in cars) ~6 (pick | picks | picking | picked | collect | collects | take | takes)',
      '(comes | came | coming) ~1 home ~4 (with) ~2 (cash | money | wads | new clothes | trainers | gifts | a new phone)',
      '(unexplained | wads of | rolls of | bundles of) ~2 (cash | money | new clothes | trainers | gifts | designer)',
      '(new | expensive | designer) ~1 (clothes | trainers | phone | phones | things) ~8 (can not | will not | does not | refuses to | would not) ~2 (explain | say | tell)',
      '(sent | gone | travelling | taken | went) ~4 (to)? ~1 (other | different) ~1 (towns | cities | areas | town | city) ~6 (drugs | sell | older | gang | missing | days)',
    ],
    requires: CHILD_CONTEXT,
  },
  {
    id: 'safeguarding-adult.exploitation',
    route: 'safeguarding-adult',
    patterns: [
      '(running | selling | dealing | holding | carrying | delivering) ~3 {DRUGS} ~6 (for (them | a gang | older | dealers | someone) | gang | owe | owes | debt | threaten* | scared)',
      '(gang | gangs | dealers) ~6 (threaten* | forcing | force | forced | made | owe | owes | debt | recruit*)',
      '(run | running | carry | carrying | deliver | delivering | move | moving | drop | dropping | hold | holding | stash | stashing) ~2 (packages | parcels | bags | a bag | a package | a parcel) ~2 for ~2 (some | these | those | older)? ~1 (guys | lads | men | boys | people | man | bloke | blokes) ~6 (cash | money | paid | pay | a fee | quid | <\\d+>)',
      '(made | make | makes | making | forced | forcing | forces | pressured | pressuring | used | using | uses | groomed | told) ~2 (to)? ~1 (sell | deal | carry | hold | move | stash | store | run | deliver) ~2 {DRUGS}',
    ],
    excludes: CHILD_CONTEXT,
  },
  {
    id: 'safeguarding-child.missing',
    route: 'safeguarding-child',
    patterns: [],
    surface: [
      '(has not | did not | not) ~1 (come | came | returned) ~1 (home | back !(to (school | college | class | lessons | work | me | us))) !(from (uni | university | college | work | school) | for (christmas | the holidays | easter | the summer | the weekend | tea | dinner | lunch))',
      '(has | have | had | is | was | been | went | gone | go | goes | going | keeps going | reported ~1 (him | her | them)?) ~1 missing !(school | lessons | classes | class | college | work | appointments | out | meals | his | her | my | the | a | an | you | him | them | me | us | some | lots | loads | so | days | friends | sessions | nursery | deadlines | payments)',
      'missing (since | overnight | all night | again)', 'disappeared ~2 (since | overnight | again | for)',
      '(has not | have not | had not | not) (been | come) ~1 home !(from (uni | university | college | work | school | holiday | holidays)) ~3 (since | for !(christmas | the holidays | easter | the summer | tea | dinner | lunch | the weekend) | in | all | last) ~2 (days | nights | hours | yesterday | last night | monday | tuesday | wednesday | thursday | friday | saturday | sunday | the weekend | a day | two days | this morning | night | week)?',
      'missing from (home | care)', 'missing person', '(has not | have not | not | nobody has | no one has) ~1 (been)? ~1 seen ~3 (since | for) ~2 (days | hours | last night | friday | saturday | sunday | monday | tuesday | wednesday | thursday | yesterday | the weekend | this morning | night)?',
      '(run | ran | running | runs) ~1 away ~1 (from)? ~1 (home | again | care | overnight)', '(keeps | has | have) (running | run | ran) away',
      '(do not | not) know where (he | she | they) (is | are)', 'no idea where (he | she | they) (is | are)',
      'can not (find | reach | contact) ~2 (my | her | his) ~1 {CHILD} ~6 (anywhere | phone | hours | since | night | missing | not answering)',
      'out all night', '(stays | stayed | staying) out ~3 (all night | for days | overnight)',
      '(disappears | disappearing | disappeared | vanishes | vanishing | goes missing | going missing | keeps going off) ~3 (for days | overnight | for hours | all night | for the weekend | for a few days)',
      '(keeps | kept) (disappearing | going missing)', '(run | ran | running | runs) (off | away) with ~2 (her | his | an | a)? ~1 (older | boyfriend | girlfriend | man | men | someone)',
    ],
    requires: CHILD_CONTEXT,
    figurative: true,
  },
  {
    id: 'safeguarding-adult.missing',
    route: 'safeguarding-adult',
    patterns: [
      '(wandered | wanders | wandering) ~3 (off | out | away) ~6 {OLDER}', '{OLDER} ~8 (wandered | wanders | wandering) ~2 (off | out | away)',
    ],
    surface: [
      '(has not | did not | not) ~1 (come | came | returned) ~1 (home | back) ~4 (since | for | days | night | hours | yesterday)',
      'missing (since | overnight | all night | again)', '(has | have | is | was | been | went | gone) ~1 missing', 'missing person',
      '(wandered | wanders | wandering) ~3 (off | out | away) ~6 {OLDER}', '{OLDER} ~8 (wandered | wanders | wandering) ~2 (off | out | away)',
    ],
    excludes: CHILD_CONTEXT,
  },
  {
    id: 'safeguarding-adult.missing-vulnerable',
    route: 'safeguarding-adult',
    patterns: [
      // out in the cold or the night, dressed for bed
      '(gone | went | goes | wandered | walked | walks | got) ~1 (out | off | outside | out of the house) ~6 (in (the)? (snow | cold | rain | dark | night | middle of the night) | in (his | her | their) (pyjamas | pjs | nightie | nightdress | nightgown | dressing gown | underwear)) ~6 (confused | dementia | lost | do not know where | can not find | missing | alzheimers)?',
      '(wandered | wanders | wandering) ~3 (off | out | away) ~6 {OLDER}', '{OLDER} ~8 (wandered | wanders | wandering) ~2 (off | out | away)',
    ],
    surface: [
      '(has not | did not | not) ~1 (come | came | returned) ~1 (home | back)', '(has | have | is | was | been | went | gone) ~1 missing',
      'missing (since | overnight | all night | again)', 'missing person', 'can not find (him | her) ~3 (anywhere)?',
    ],
    requires: OLDER_CONTEXT,
  },
  {
    id: 'safeguarding-child.fgm',
    route: 'safeguarding-child',
    patterns: [
      '(abroad | back home | holiday | summer | somalia | sudan | egypt | ethiopia | eritrea | nigeria | gambia | guinea | mali | sierra leone | kenya | yemen | indonesia | iraq) ~10 (to be | be | being | get | getting | have her | had her) (cut | circumcised)',
      '(to be | be | being | get | getting) (cut | circumcised) ~8 (abroad | back home | on holiday | this summer | in (somalia | sudan | egypt | ethiopia | eritrea | nigeria | gambia | guinea | mali | kenya | yemen))',
      'female genital', 'genital mutilation', '(get | have | having | getting) (her | them) (cut | circumcised)', 'khatna', 'sunna', 'infibulation', 'type (1 | 2 | 3) cutting',
      '(cut | cutting | circumcis* | circumcised) ~3 (my | her | their | the | his)? ~1 (daughter | daughters | girl | girls | niece | sister | granddaughter | her | baby girl) !(hair | own | fringe | nails | toenails | sandwich | food | toast | fruit | out | off | ties | down | up | back | short | contact | loose | finger | knee | hand | lip)',
      '(girl | girls | daughter | daughters | niece | sister) ~8 (cut | cutting | circumcis*) ~6 (holiday | abroad | ceremony | tradition | traditional | back home | summer | grandmother | elders | culture | family)',
      '(ceremony | tradition | traditional | back home | abroad | holiday) ~8 (cut | cutting | circumcis*) ~4 (daughter | girl | girls | her | niece)',
      '(she | her | girl | girls | daughter) ~3 (cut | cutting | circumcis*) ~6 (holiday | abroad | ceremony | tradition | traditional | back home | summer | grandmother | elders)',
    ],
  },
  {
    id: 'safeguarding-child.forced-marriage',
    route: 'safeguarding-child',
    patterns: [
      'forced marriage', 'force marriage', 'married off', 'forced to marry', 'forced into marriage', 'honour (based | violence | killing | abuse)',
      '(force | forced | forcing | forces | make | making | made | makes) ~3 (me | her | him | them | my {CHILD})? ~2 (to)? ~1 (marry | marriage | get married | wed | be married | engaged)',
      '(taking | take | taken | sending | send | sent) ~5 (abroad | back home | pakistan | india | bangladesh | somalia | overseas | yemen | afghanistan | iraq | nigeria | to the country) ~8 (marry | married | marriage | husband | wife | engaged)',
      '(married | marry | marriage | engaged | wedding) ~4 (at | aged | when (she | he) is) ~1 <1[0-7]>',
      '(<1[0-7]> (year | years | yr | yrs) old | aged <1[0-7]> | (she | he | i)? (is | am) (only)? <1[0-7]>) ~8 (marry | married | marriage | engaged | husband | wife | wedding)',
      '(marry | married | engaged) ~3 (a | an | to a | to an) ~1 (man | older man | woman | cousin | stranger) ~4 (back home | abroad | overseas | in pakistan | in india | in bangladesh | from back home)',
      '(marry | married) ~2 (her | his | my)? ~1 cousin ~4 (abroad | back home | forced | make | making | made)',
      '(shame | dishonour | dishonor) ~4 (family | community)',
    ],
  },
  {
    id: 'safeguarding-child.scared-at-home',
    route: 'safeguarding-child',
    patterns: [
      '(scared | afraid | frightened | terrified | petrified | fear | fearful | do not want | too scared | dread | dreading) ~3 (to)? ~1 (go | going | be | get | getting) ~1 home',
      '(not | never | do not | don t | unsafe | no longer) ~2 (feel | feels | felt | is | am | are)? ~1 safe ~2 (at home | in (my | the | our) ~1 (own)? ~1 (home | house | room) | with (my)? ~1 {PARENT} | around (my)? ~1 {PARENT})',
      '(scared | afraid | frightened | terrified | petrified) ~2 of ~1 (my)? ~1 {PARENT}',
    ],
    requires: CHILD_SPEAKER,
  },
  {
    id: 'safeguarding-child.practitioner-concern',
    route: 'safeguarding-child',
    patterns: [
      'safeguarding (concern | concerns | issue | issues | referral | disclosure | worry)', 'child protection',
      'section (47 | 17)', 's47', 'significant harm', 'at risk of harm', '(made | making | make) a disclosure', 'disclosed ~4 (abuse | that (he | she) (was | is | had) | to me)',
      'risk of (harm | abuse | exploitation | sexual exploitation | criminal exploitation)',
    ],
    excludes: ['adult safeguarding', 'safeguarding adult*', 'vulnerable adult', 'adult at risk'],
  },

  // ---------------------------------------------------------------- domestic abuse
  {
    id: 'domestic-abuse.violence',
    route: 'domestic-abuse',
    patterns: [
      '({POSS}? {ABUSER} | he | she) ~3 {VIOLENT} ~1 {VICTIM} !(to | away | forward | harder | into | out of)',
      '(has | have | had | keeps | kept | always | often | started | starting | sometimes | regularly | again | even) ~1 {VIOLENT} (me | us) !(hard | that | how | like | to | with)',
      '(too)? ~1 (scared | afraid | frightened | terrified) to (leave | go back to | tell anyone about | report) ~1 (him | her | my {PARTNER} | them)',
      '(makes | made | making) (me | her) ask ~2 (permission | if (i | she) can) ~3 (to)? ~1 (see | go | spend | buy | leave | use | have | eat | wear)',
      '(i | she | mum | we | he) ~2 (was | been | got | were | am | getting | is | get | gets | keep getting) ~1 {VIOLENT} ~1 by ~1 (him | her | them | {POSS} {ABUSER} | he | she)',
      '{POSS} {PARTNER} ~3 (smashed | smashes | smashing | breaks | broke | breaking | punched | punches | punching | kicks | kicked | throws | threw | throwing) ~3 (things | stuff | plates | walls | wall | doors | door | furniture | phone | my phone | the house | everything | holes)',
      '(he | she) ~3 (punched | punches | kicked | kicks | smashed) ~2 (holes | a hole) ~3 (wall | walls | door | doors)',
      '(he | she | {POSS} {PARTNER}) ~5 (smashing | smashed | smashes | trashing | trashed | wrecking | wrecked) ~2 (the | our | my) ~1 (house | flat | place | home | room) ~1 (up)?',
      '({POSS} {PARTNER} | he | she) ~4 (drunk | drinks | drinking) ~6 (hits | hit | hurts | violent | lashes out | smashes)',
      '{POSS} {PARTNER} ~4 (angry | temper | rage) ~6 (hits | hurts | lashes out | violent | scary | smashes | throws)',
      '(violent | abusive | dangerous) ~3 (towards | to | with | at) ~1 (me | us | mum | dad | her | him | the kids | {POSS} {REL})',
      '(bruise | bruises | bruised | black eye | marks | injuries | cuts) ~4 (from | off | because of) (him | her | my {PARTNER} | he | she)',
      '({POSS}? {ABUSER} | he | she) ~2 (threw | throws | throwing | thrown | chucked | hurled | lobbed) ~4 at ~1 (me | my | her | us | the kids)',
      '(squeezes | squeezed | squeezing | grips | gripped | gripping | twists | twisted | twisting | pinches | pinched | pinching | yanks | yanked) ~1 (my | her) ~1 (arm | arms | wrist | wrists | neck | throat | face | hair | hand) ~6 (marks | bruises | bruise | bruised | hurts | hard | until | till)',
      '(violent | abusive) ~1 (partner | husband | wife | boyfriend | girlfriend | ex | relationship | marriage | home | dad | father | stepdad | son | daughter)',
      '(kids | children | son | daughter | they) ~3 (see | saw | seen | hear | heard | witness | witnessed | watch | watched) ~6 (him | her | us | dad | mum | them) ~3 (hit | hitting | beat | beating | hurt | hurting | strangle | violence | attack)',
      '(hand | hands | fingers | arm | arms) ~2 (round | around) ~2 (my | her | his | mum | {POSS} {REL}) ~1 (neck | throat)', '(grabbed | grabs | held | holds | pinned | pins) ~2 (me | her | him) ~2 by the (throat | neck)',
      '({POSS}? {ABUSER} | he | she) ~3 {VIOLENT} ~1 (me | her | him | us | mum | my mum) (into | against | down | onto | off | through) ~2 (the | a)? ~1 (wall | walls | door | stairs | floor | table | cupboard | window | radiator | bed | ground | car | worktop | kitchen counter | sofa | bannister)',
      '({POSS}? {ABUSER} | he | she) ~3 (put | puts | landed | sent) (me | her | him | mum | my mum) in (hospital | a and e | a e | intensive care | casualty)',
      // injuries that follow someone's temper or drinking
      '(temper | tempers | angry | rage | raging | drunk | drinking | kicks off | kicked off | loses it | lost it | row | rows | argument | arguments) ~10 (ends up | end up | ended up | left | come out | comes out | is left | was left) ~1 with ~2 (marks | bruises | bruising | black eye | a black eye | cuts | injuries | a split lip | scratches | a bloody nose)',
    ],
    surface: [
      // "hits me" needs no named subject: when in doubt, escalate.
      '(hits | hit | beats | beat | punches | punched | kicks | kicked | slaps | slapped | strangles | strangled | chokes | choked | batters | battered | hurts) (me | us | mum | my mum) !(hard | that | how | like | with the | at school | in class | in the playground | when (he | she) (plays | was playing))',
    ],
    figurative: true,
    historic: true,
  },
  {
    id: 'domestic-abuse.named',
    route: 'domestic-abuse',
    patterns: [
      'domestic (abuse | violence | abusive | incident)', 'coerci*', 'gaslight*', 'gaslit', 'gas lighting', 'stalk*',
      '{POSS} {PARTNER} ~4 (abuse | abused | abusing | abusive | controlling | manipulative | possessive | violent | obsessive)',
      '({POSS}? {PARTNER} | he | she) (is | was | can be | gets | get | becomes | turns) ~1 (so | very | really | quite)? ~1 (abusive | violent | controlling)',
      '(abuse | abused | abusing | abusive | controlling | violent) ~3 (by)? ~1 {POSS} {PARTNER}',
      'marac', 'idva', 'women refuge', 'refuge ~2 (place | space | room | for me)', 'non molestation', 'restraining order', 'clare law', 'domestic homicide',
      '(rape | raped | forces | forced | makes | made | pressures | pressured) ~3 (me | her) ~3 (sex | to have sex | into sex | sexual)',
      '(made | makes | forced | forces | pressured | pressures | pushed) ~1 (me | her) ~2 (do | doing | into) ~3 (stuff | things | sexual | sex) ~4 (did not want | do not want | not want | was not ready | against my will | against her will)',
    ],
    figurative: true,
    historic: true,
  },
  {
    id: 'domestic-abuse.threats',
    route: 'domestic-abuse',
    patterns: [
      '({POSS} {ABUSER} | he | she | they) ~3 (threaten | threatens | threatened | threatening) ~4 (kill | hurt | harm | take (the | my | our) ~1 (kids | children | baby | son | daughter) | take them | stab | shoot | burn | beat | hit | smash | share | post | leak | tell everyone | kill himself | kill herself)',
      '({POSS}? {ABUSER} | he | she | they) ~3 (threaten | threatens | threatened | threatening) (me | us | her | him) !(with (eviction | court | bailiffs | legal | exclusion | fines | a fine | prosecution | the police | a ccj | debt))',
      '(he | she | {POSS} {PARTNER}) ~3 (say | says | said | told me) ~2 (he will | she will | he would | she would) ~2 (kill | hurt | find) ~1 (me | us | the kids)',
      '(will find | find | track | tracked | hunt) (me | us) ~1 (down | wherever)',
      '(if i | if we | if you) ~6 (he | she | they) (will | would | is going to | are going to) ~2 (take (the | my | our) ~1 (kids | children | baby | son | daughter) | take them | hurt | kill | find | make sure)',
      '(never | not) see (them | the kids | my kids | the children | my children | my baby) again',
      // any threat made to stop someone telling or leaving is coercion
      '(he | she | they | {POSS} {ABUSER}) ~2 (threatens | threatened | threatening | threaten) ~1 to ~8 if ~2 (i | we | she | he) ~2 (tell | told | leave | left | go to | call | report | speak | talk)',
      '(burn | set fire to | torch | petrol) ~4 (house | flat | place | home | car) ~3 (down)? ~1 with (me | us | her | him | the kids | them | the children) ~1 (in it | inside | in there | still in)',
      '(have | get | getting | make sure) ~1 (the | my | our)? ~1 (kids | children | baby | son | daughter) ~1 taken (away | off (me | us | her) | into care)',
      '(if i | if we | if you) ~6 (he | she | they) ~1 (will | would | is going to | are going to) ~3 (have | get) ~2 (me)? ~1 (deported | sectioned | arrested | locked up | taken away)',
      // the threat before the condition: "she says she'll take the kids if I ever leave"
      '(he | she | they | {POSS} {ABUSER}) ~2 (says | said | say | threatens | threatened | threatening | keeps saying | told me) ~4 (take (the | my | our) ~1 (kids | children | baby | son | daughter) | take them | out me | tell everyone | report me | have me deported | get me deported | send me back | ruin me | make my life hell | hurt | kill) ~8 if ~3 (i | we) ~2 (leave | go | tell | split | break up | report | call)',
      '(threaten | threatens | threatened | threatening | will | would | going to) ~2 (out | outing) (me | him | her) ~3 (to | as | if | unless)',
      '({POSS}? {PARTNER} | he | she) ~3 (says | said | say | threatens | threatened | keeps saying) ~3 (he will | she will | he would | she would | he is going to | she is going to)? ~1 (kill | hurt | harm) (himself | herself) ~3 if ~2 (i | we) ~1 (leave | go | end it | split | break up)',
    ],
    figurative: true,
  },
  {
    id: 'domestic-abuse.fear-at-home',
    route: 'domestic-abuse',
    patterns: [
      '(scared | afraid | frightened | terrified | petrified | fear | fearful | do not want | too scared | dread | dreading) ~3 (to)? ~1 (go | going | be | get | getting) ~1 home',
      '(not | never | do not | unsafe | no longer) ~2 (feel | feels | felt | is | am | are)? ~1 safe ~2 (at home | in (my | the | our) ~1 (own)? ~1 (home | house | flat | room | bed) | with (him | her | them | my | {POSS} {REL}) | around (him | her | them | {POSS} {REL}))',
      '(scared | afraid | frightened | terrified | petrified | fear | fearful) ~1 of ~1 (him | her | {POSS} {ABUSER} | what (he | she) (will | might | would | could) do | his temper | her temper | his moods | her moods | him coming home) !(teacher | teachers | class | friends | exam | exams | dog | dogs | spider | spiders | dark | school)',
      '(walk | walking | tread | treading | tiptoe | tiptoeing) ~1 on ~1 eggshells',
      '({POSS}? {ABUSER} | he | she) ~4 (makes | made | making) ~1 me ~1 (feel)? ~1 (scared | afraid | frightened | unsafe | terrified | worthless)',
      '(scared | afraid | terrified | frightened | worried) ~2 (he | she | my {PARTNER}) ~1 (will | would | might | is going to | could) ~1 (find out | hurt | kill | go mad | lose it | hit | kick off | see | read | catch)',
      '(not | never) safe (at | in) (home | the house)', 'unsafe at home',
    ],
  },
  {
    id: 'domestic-abuse.coercive-control',
    route: 'domestic-abuse',
    patterns: [
      '({POSS} {PARTNER} | he | she) ~3 (checks | check | checking | checked | goes through | go through | going through | reads | read | reading | tracks | track | tracking | tracked | monitors | monitor | monitoring | spies on) ~2 (my | her | all my) ~1 (phone | phones | messages | texts | emails | location | bank | bank statements | social media | whatsapp | every move)',
      // the same behaviour asked about in general: "is it normal for a bf to go through your messages"
      '((a | an | your | any) ~1 {PARTNER} | {PARTNER} to) ~4 (check | checks | checking | go through | goes through | going through | read | reads | reading | track | tracks | tracking | monitor | monitors | spy on) ~2 (my | your | her | all your | all my | their | all their) ~1 (phone | phones | messages | texts | emails | location | bank | social media | whatsapp | every move)',
      '(tells | told | telling | tell | decides | decide | deciding | chooses | choose | choosing) ~2 (me | her | you | him | them) ~2 (what to wear | what (i | she | you | he) can wear | who (i | she | you) can (see | talk | be friends) | where (i | she | you) can go)',
      '({POSS} {PARTNER} | he | she) ~3 (took | takes | taken | smashed | smashes | broke | hides | hid | hidden | has | keeps | holds | got) (my | her) (phone | keys | car keys | passport | bank card | purse | sim card | visa | id | documents) !(safe | for (our | the | a | my) | in the | in a | while | until | when we)',
      '(will not | does not | do not | never | not) ~1 (let | allow | allows) ~1 (me | her) ~2 (have | keep | carry) ~2 (a | my | her | any | own)? ~1 (key | keys | house key | door key | passport | money of my own | bank account | phone) !(to (her | his | their) | for (her | his | their))',
      '({POSS} {PARTNER} | he | she) ~2 (will not | does not | do not | never | not) ~1 (let | allow | allows) ~1 (me | her) ~2 (see | contact | talk to | speak to | visit | have | get | leave | go out | work | wear | call | phone | ring | text | message | go anywhere) ~2 (my | any | a | the | own | my own)? ~1 (friends | family | mum | dad | sister | brother | anyone | people | money | bank account | job | phone | bank card | house | alone | on my own | without him | without her | what i want)',
      '{PARTNER} ~3 (controls | controlling | monitors | monitoring | tracks | tracking) ~2 (all)? ~1 (my | our | the | her | his)? ~1 (money | finances | phone | phones | messages | location | spending | texts)',
      '(controls | control | controlling) ~2 (all)? ~1 (my | our | the | her | his) ~1 (money | bank card | bank cards | benefits | wages | finances | bank account | cards | child benefit | universal credit | car keys)',
      '({POSS} {PARTNER} | he | she) ~3 (takes | took | keeps | kept | holds | hides | hid) ~2 (all)? ~1 (my | our | her) ~1 (money | bank card | bank cards | benefits | wages | bank account | cards | child benefit | universal credit | car keys | keys)',
      '({POSS}? {PARTNER} | he | she) ~2 (keeps | kept | keeping | stops | stopped | stopping) (me | her) ~1 (away from | from seeing | from going to | from talking to) ~2 (my | her)? ~1 (family | friends | mum | dad | everyone | anyone | sister | brother)',
      '(checks | checking | tracks | tracking | wants to know | demands to know | asks) ~1 where (i am | i have been | i go | i was | she is | she goes) ~3 (all the time | every | constantly)?',
      '(isolates | isolated | isolating | cut | cuts | cutting | cut off) ~2 (me | her | him) ~2 (off | away)? ~1 from ~2 (my | her | his)? ~1 (friends | family | everyone | mum | people)',
      '(tells | told | decides | chooses) ~2 (me | her) ~2 (what to wear | who (i | she) can (see | talk) | where (i | she) can go | what (i | she) can)',
      '{POSS} {PARTNER} ~3 (calls | called | calling) ~1 (me | her) ~3 (worthless | useless | nothing | pathetic | a slag | a whore | a bitch | names | fat | ugly | stupid)',
      '(nobody | no one) ~2 (would | will) ~2 believe ~1 me',
      '(forces | forced | makes | made | making | forcing) (me | her) ~1 (to)? ~1 (give | hand over | hand | sign over) ~2 (him | her | them)? ~1 (my | her | all my | all her) ~1 (wages | money | pay | benefits | salary | card | bank card | pin | universal credit)',
      '(trapped | stuck | a prisoner) in (my | a | this | our | an) ~1 (abusive | unhappy | controlling)? ~1 (marriage | relationship | own home)', '(he | she | {POSS} {PARTNER}) ~2 (decides | controls | chooses) everything !(about (the | our) | for (the | our))',
      '(no | not any | never have any | never have) money of (my | her) own',
      '(keeps | kept | keeping) (me | her) ~1 (in the house | indoors | inside | at home) !(for | because | until | when | while | with)', '(not allowed | never allowed | will not let me | does not let me | do not let me) ~1 (to)? ~1 (go out | leave the house | go anywhere | leave the flat) ~2 (alone | on my own | by myself | without (him | her | them))',
      '({POSS} {PARTNER} | he | she) ~3 (locks | locked | lock) ~1 (me | us) ~1 (in | out)',
      '({POSS} {PARTNER} | he | she) ~3 (turns | turned | turning | keeps turning | keep turning) up ~3 (at | outside) ~2 (my | the | our) ~1 (house | door | work | home | flat | school)',
      '({POSS} {PARTNER} | he | she) ~3 (keeps | keep | kept | always | constantly | still) ~1 (turning | showing | rocking) up ~3 (at | outside) ~3 (house | door | work | home | flat | school | office | nursery | parents | mum | gym | friends)',
      '({POSS} {PARTNER} | he | she) ~3 (turns | turned | shows | showed | rocks | rocked) up ~6 (uninvited | unannounced | every day | all the time | after i told | when i told | drunk | shouting | threatening | banging)',
      '(no one | nobody | no body) (else)? ~1 (would | will | could) ~1 (want | love | have | put up with | fancy) (me | you | her)',
      '{POSS} {PARTNER} ~3 (follows | followed | following) ~1 (me | her) ~3 (everywhere | to work | home | around | and)',
      '{POSS} {PARTNER} ~4 (sending | sends | sent | leaving | leaves) ~2 (threats | threatening (messages | texts | voicemails) | abuse | abusive (messages | texts))',
      '{POSS} {PARTNER} ~10 (waits | waiting | waited | hangs around | hanging around | sits | parks | sitting) ~2 (outside | at | near) ~2 (my | the) ~1 (work | house | door | school | flat | home | office)',
      '(hundreds of | loads of | constant | nonstop | non stop | dozens of) ~1 (messages | calls | texts) ~8 ({PARTNER} | he | she | him | her)', '{PARTNER} ~6 (hundreds of | loads of | constant | nonstop | dozens of) ~1 (messages | calls | texts)',
    ],
  },

  // ---------------------------------------------------------------- safeguarding: adult
  {
    id: 'safeguarding-adult.financial-abuse',
    route: 'safeguarding-adult',
    patterns: [
      'financial (abuse | exploitation)', 'financially (abus* | exploit*)',
      '(take | taking | took | takes | taken | steal | stealing | stole | steals | stolen | nick | nicking | nicked | emptied | emptying | draining | drained | helping (himself | herself | themselves) to | withdrawing | withdrew | pinching | pinched) ~2 (her | his | their | my | nan | nana | gran | granny | grandad | grandma | mum | dad) ~2 (money | pension | savings | benefits | bank card | card | cards | bank account | account | cash | pin | inheritance)',
      '(pension | savings | bank account | bank card | money | benefits) ~6 (taken | stolen | missing | emptied | drained | withdrawn | disappearing)',
      '(take | takes | taking | took | steal | steals | stealing | eat | eats | eating) ~2 (his | her | their) ~1 (food | money | benefits | cash | things | bank card | card | shopping) ~3 (and | or)? ~1 (money | cash | benefits | food)?',
      '(pressur* | persuad* | forcing | forced | made | making | tricked | bullied) ~4 (sign | change | hand over | give) ~4 (will | house | deeds | power of attorney | bank | money | savings | pension | cards)',
      '(scam | scammed | scammer | scammers | conned | con man | rogue traders | rogue trader)',
      '(gave | giving | given | sent | sending | transferred | transferring | lent | lending) ~3 (money | savings | thousands | pension | cash | all her | all his) ~6 (man | woman | someone | person | stranger | scammer | boyfriend | girlfriend) ~4 (met online | online | on facebook | never met | met on)',
      '(taking | take | took | taken) advantage of',
      '(tricked | conned | duped | fooled | pressured | persuaded | talked) ~2 into ~2 (giving | paying | handing | signing | lending | transferring) ~4 (money | thousands | savings | cash | pension | <\\d+> | hundreds)?',
      '(handed | hand | handing | given | gave | giving | transferred | sent | sending | lent) ~2 (over)? ~1 (his | her | their | all his | all her) ~1 (savings | money | pension | life savings | bank details | pin | cards) ~3 (to)? ~2 (a | someone | man | woman | stranger | people | caller | scammer | new friend)',
      '(bullied | bullying | pressured | pressuring | threatened | intimidated | harassed) ~3 (by)? ~2 (her | his | their)? ~1 (lodger | carer | son | daughter | grandson | granddaughter | neighbour | nephew | niece | family | friend) ~3 (for | into giving | to give) ~1 (money | cash | her pension | his pension | her savings | his savings)',
      '(girlfriend | boyfriend | friend | woman | man | lady | partner) ~4 (online | met online | on facebook | on the internet | on a dating) ~10 (money | thousands | <\\d+> | had | taken | sent | off him | off her | loan | loans)',
      '(living | lives | lived | sponging | sponges | sponged) off ~2 (her | his | their | my (mum | dad | nan | gran | grandad | grandma)) ~1 (money | pension | benefits | savings | cards)',
      '(changed | change | changing | rewrite | rewrote | rewritten | made (him | her) change) ~2 (his | her | their) (will | lasting power of attorney | power of attorney)',
      '(getting | gets | got | making | makes | made | persuading | persuades | persuaded | pressuring | pressures | asking | asks | taking) ~2 (him | her | them | my (dad | mum | nan | gran | grandad | grandma)) ~1 (to)? ~1 (withdraw | take out | hand over | give | lend | transfer | sign) ~3 (cash | money | savings | pension | thousands | his | her)',
    ],
    requires: OLDER_CONTEXT,
    figurative: true,
  },
  {
    id: 'safeguarding-adult.theft-by-relative',
    route: 'safeguarding-adult',
    patterns: [
      '(stealing | stole | steals | stolen | pinching | pinched | emptied | emptying | draining | drained | helping (himself | herself | themselves) to | helps (himself | herself | themselves) to | withdrawing | withdrew | siphon*) ~2 (her | his | their | nan | nana | gran | granny | grandad | grandma | mum | dad) ~2 (money | pension | savings | benefits | bank card | bank account | account | cash | pin | inheritance)',
      '(taking | took | takes | taken | stealing | stole | steals | pinching | pinched | helping (himself | herself) to) ~3 (money | cash | pension | savings | bank card | card | jewellery | valuables) ~3 (from | out of) ~2 (her | his | their | nan | nana | gran | granny | grandad | grandma)',
      '(carer | carers | care worker | care workers | cleaner | lodger | neighbour | grandson | granddaughter | nephew | niece) ~3 (using | used | uses | has got | kept | keeps | borrowing | borrowed) ~2 (his | her | their) ~1 (bank card | card | cards | pin | cheque book | bank details | online banking | credit card)',
      '(carer | carers | care worker | care workers | cleaner | lodger) ~6 (taking | takes | took | taken | stealing | steals | stole | stolen | pinching | pinched) ~3 (things | stuff | items | jewellery | valuables | money | cash | belongings | from)',
    ],
  },
  {
    id: 'safeguarding-adult.control',
    route: 'safeguarding-adult',
    patterns: [
      '(will not | does not | never | not) ~1 (let | allow | allows) ~1 (him | her | them) ~2 (out | go out | leave | see anyone | have visitors | see (his | her) (friends | family))',
      '(will not | does not | never | not | stops) ~1 (let | allow | allows | letting) ~1 (anyone | anybody | us | family | me | the family | his family | her family | friends | visitors) ~2 (visit | see (him | her | them) | in | near (him | her) | speak to (him | her) | talk to (him | her)) !(because | due to | during | while | until | till | at the moment | right now | since (the | her | his) (operation | op | fall))',
      '(shouts | shouting | screams | screaming | swears | swearing) at (him | her | them) ~6 (all the time | every day | constantly | and (will not | won t) | scared)',
      '(carer | carers | care worker | care workers) ~4 (stealing | steals | stole | taking | takes | took | pinching) ~3 (from)? ~1 (my | her | his | their) ~1 (mum | dad | nan | gran | grandad | grandma | money | pension | purse | cash | things)',
      '(carer | carers | care worker | care workers | lodger | neighbour | cleaner) ~4 (borrowing | borrows | borrowed | taking | takes | took | helping (himself | herself) to) ~2 (money | cash) ~3 (from | off | out of) ~1 (her | him | them | my (mum | dad | nan | gran | grandad | grandma))',
      '(carer | carers | care worker | care workers | lodger | neighbour | friend | friends | mates) ~4 (asking | asks | asked | borrowing | borrows | borrowed | begging) ~2 (her | him | them | my (mum | dad | nan | gran | grandad | brother | sister)) ~1 for ~1 (money | cash | loans | a loan | her card | his card)',
      '(can not | does not know how to | unable to | could not | struggles to) say no ~8 (mates | friends | people | they | them | lads | men)?',
      // exploited by 'friends' (mate crime), said of someone with a disability or an older person
      '(being | been | is | getting | gets) used by ~3 (lads | people | men | friends | mates | a gang | them | some | his | her | new)',
      '(make | makes | made | making | forcing | force | forced | pressuring | pressured | get | gets | got | getting) (him | her | them | my {REL}) ~2 (to)? ~1 (get | take out | apply for | sign up for | sign for) ~2 (loans | a loan | credit | phone contracts | contracts | a contract | credit cards | a credit card | catalogues)',
    ],
    requires: OLDER_CONTEXT,
  },
  {
    id: 'safeguarding-adult.cuckooing',
    route: 'safeguarding-adult',
    patterns: [
      'cuckoo*',
      '(moved | staying | living | took over | taken over | taking over | takes over) ~4 (into | in | over | at)? ~3 (his | her | their | my) ~2 (flat | house | home | place) ~10 (dealing | deal | drugs | selling | sell | will not leave | wont leave | refuses to leave | refuse to leave | weed | crack | gear)',
      '(dealers | dealer | gang | gangs | strangers) ~4 (using | use | uses | used | taken over | took over | taking over | living in | staying in | dealing from) ~3 (his | her | their | my) ~2 (flat | house | home | place)',
      '(flat | house | home | place) ~2 (taken over | used | cuckooed) ~2 by ~2 (dealers | a dealer | a gang | gangs | strangers | drug dealers | people)',
      '(people | men | lads | mates | friends | new friends | new mates) ~4 (using | use | uses | used | taken over | took over | taking over | living in | staying in | dealing from) ~3 (his | her | their | my) ~2 (flat | house | home | place) ~6 (parties | party | drugs | dealing | will not leave | can not say no | scared | do not leave)',
      '(can not | will not) get ~2 (them | him | her | people) ~1 out ~3 (flat | house | home | place)',
      // moved in with the person rather than into the flat
      '(gang | gangs | dealers | dealer | lads | men | strangers | group | people | they) ~3 (moved | moving | have moved | taken | took) ~1 (in | over) ~2 (with | at)? ~2 (my | his | her | their)? ~1 ({REL} | uncle | him | her | flat | house | place) ~14 (will not leave | would not leave | refuse to leave | refuses to leave | can not get rid | keep (stuff | things | drugs | bags | packages) | store | storing | stash | dealing | drugs | vulnerable | scared of them | taking advantage)',
    ],
  },
  {
    id: 'safeguarding-adult.modern-slavery',
    route: 'safeguarding-adult',
    patterns: [
      'modern slavery', 'slavery', 'trafficked', 'trafficking', 'forced labour', 'forced to work', 'debt bondage',
      '(passport | passports | id | documents | papers | visa) ~3 (taken | took | takes | kept | keeps | keeping | held | holding | confiscated | will not give | wont give | hidden | locked away)',
      '(took | takes | taken | kept | keeps | keeping | holding | holds | confiscated) ~2 (my | her | his | their | our) ~1 (passport | passports | documents | papers | id | visa)',
      '(work | working | works | worked) ~5 (for | without) ~1 (no | nothing | little or no)? ~1 (pay | money | wages | being paid)',
      '(work | working | works | worked) ~2 for nothing',
      '(not | never | no) ~1 (paid | getting paid | been paid | wages) ~6 (work | working | boss | owner | weeks | months | job)',
      '(not allowed to | will not let (me | us | them | her | him)) ~1 leave ~4 (house | farm | site | work | job | car wash | nail bar | factory | place | room)',
      'can not leave ~6 (because | as | until) ~3 (owe | debt | passport | boss | they have | he has | pay back)',
      '(boss | employer | owner | gangmaster | manager | they | he) ~3 (keeps | kept | takes | took | holds | holding | keeping | taking) ~2 (my | our | their | his | her | all) ~1 (wages | pay | money | earnings | salary) ~8 (debt | owe | owes | rent | transport | travel | visa | bringing)',
      '(workers | people | they | lads | men | women | girls | staff) ~8 (never | not | do not | are not) ~1 (get | getting | being)? ~1 paid', '(live | living | sleep | sleeping | stay | staying) (on site | at the site | at work | where they work | at the car wash | above the shop)',
      '(<1[2-9]|2[0-4]> hours) ~2 (a | per | every) day ~8 (boss | car wash | nail bar | farm | factory | no pay | little pay | wages | debt | owe)',
      '(car wash | nail bar | nail salon | farm | factory | warehouse | building site | cannabis farm | gangmaster | traffickers) ~10 (not allowed to leave | can not leave | locked in | not paid | no pay | without pay | sleep there | sleeps there | live there | lives there | passports | documents taken)',
      '(not allowed to leave | can not leave | locked in | not paid | sleep there | sleeps there | passports taken) ~10 (car wash | nail bar | nail salon | farm | factory | warehouse | building site | cannabis farm)',
      '(owe | owes | debt) ~6 (work it off | pay it off by working | transport | travel | bringing me | brought me)',
      '(sleeping | sleep | sleeps | living | lives) ~3 (at | in) ~1 (the)? ~1 (car wash | nail bar | farm | factory | warehouse | shed | workplace)',
    ],
    figurative: true,
  },
  {
    id: 'safeguarding-adult.care-neglect',
    route: 'safeguarding-adult',
    patterns: [
      '(care home | nursing home | care workers | care worker | care staff | home care | care agency | (her | his | their | the) carers) ~12 (neglect* | not (fed | feeding | washing | washed | changing | changed | turned | giving) | left (her | him | them) ~2 (alone | in bed | wet | soiled | sitting | without | on the floor | hungry | unwashed | in pain | for hours) | bed sores | pressure sores | bruises | rough | shouted at | shouting at | hit | slapped | locked | tied | sedat* | dehydrated | starving | losing weight | lost weight | filthy | soiled | abuse | abusing | mistreat*)',
      '(neglect* | bed sores | pressure sores | mistreat* | sedat* | dehydrated | soiled) ~12 (care home | nursing home | carers | care workers | care staff | home care)',
      'self neglect',
      '(sitting | sat | sits | lying | lay | lies | left | leave | leaves | leaving) in (her | his | their) own (urine | wee | mess | faeces | poo | waste | excrement | vomit | sick | filth)',
      'left ~4 (in)? ~1 (the)? ~1 same (clothes | pad | pads | nappy | bedding | bed) ~3 (for)? ~1 (days | hours | all day | overnight | a week)',
      '(not | never) ~1 (washed | changed | bathed | showered | fed) ~3 (for)? ~1 (days | a week | weeks)',
      '(carers | care workers | home care | care agency | her carers | his carers) ~4 (do not | never | not | did not | have not | keep not) ~1 (turn up | come | show up | arrive | visit | turning up)',
      '(left | leaving | leaves) ~3 without (food | water | her meds | his meds | medication | care | a drink | being changed | being washed) ~8 (carers | care | nan | gran | mum | dad | grandad | grandma | dementia | elderly)?',
      '(care home | nursing home | care workers | care worker | care staff | home care | care agency | carers | staff) ~8 (leaving | leave | leaves | left) ~1 (her | him | them | my (dad | mum | nan | gran | grandad | grandma | husband | wife)) ~3 (in wet | wet | soiled | in bed | alone | on the floor | for hours | without food | without water | unwashed | in pain | in (her | his) own mess | in dirty)',
    ],
  },
  {
    id: 'safeguarding-adult.abuse',
    route: 'safeguarding-adult',
    patterns: [
      '(elder abuse | adult safeguarding | safeguarding adult* | adult at risk | vulnerable adult | mate crime)',
      '{OLDER} ~6 (hit | hits | hitting | abused | abusing | abuse | pushed | rough with | slapped | locked in | threatened | bruises | bruised | scared of | frightened of | neglect*)',
      '(hits | hit | hitting | hurts | hurting | abusing | abuses | abused | shouts at | pushes | pushed | slaps | slapped | rough with | threatens | threatened | locks | neglect* | bullies | bullying) ~3 {OLDER}',
      '(people | someone | they | friends | new friends | lads | man | men | boys | woman) ~4 (taking advantage | take advantage | exploiting | exploit | using (him | her))',
      '(carer | carers | care worker | care workers | care staff | staff | support worker | support workers | key worker) ~8 (pulls | pulled | pulling | pinches | pinched | slaps | slapped | hits | hit | pushes | pushed | grabs | grabbed | drags | dragged | kicks | kicked | twists | twisted | smacks | smacked) ~2 (me | my (hair | arm | arms | wrist | ear | ears | face) | (his | her) (hair | arm | arms | wrist | ear | ears | face))',
      '(carer | carers | care worker | care workers | care staff | staff) ~4 (shouts at | shouting at | shouted at | swears at | pulls | pulling | pulled | pushes | pushing | pushed | grabs | grabbed | rough | drags | dragged | hits | slaps | slapped | pinches | pinched | handles) ~2 (him | her | them | my (mum | dad | nan | gran | grandad | grandma))',
      '(neglect | neglected | neglecting | neglectful) ~6 (adult | mum | dad | brother | sister | husband | wife | him | her | son | daughter)',
    ],
  },
  {
    id: 'safeguarding-adult.sexual-abuse',
    route: 'safeguarding-adult',
    patterns: ['(rape | raped | sexually (abused | assaulted) | sexual (abuse | assault) | molest* | indecent*)'],
    surface: [
      '(touched | touches | touching | groped | gropes | groping | fondled | fondling) ~3 (me | my | her | him | them | private | privates | down there | inappropriately | body | bum | chest | breasts | boobs)',
    ],
    excludes: CHILD_CONTEXT,
  },
  // ---------------------------------------------------------- named harms
  // Words and short phrases that name a harm outright, with no context required. The rules
  // above need the shape of a sentence; a fresh phrasing they miss ("I think I'm being
  // groomed", "kept as a slave") still names the harm. When unsure, escalate.
  {
    id: 'safeguarding-child.named-harm',
    route: 'safeguarding-child',
    patterns: [
      'groom*', 'sextortion', 'sextort*', 'sexual exploitation', 'child abuse', 'radicalis*', 'radicaliz*', 'extremis*', 'jihad*', 'terroris*',
      // radicalisation described rather than named, and sexual content posted about a child
      'neo nazi*', 'white power', 'white supremac*', 'ethnic cleansing', '(nazi | nazis | neo nazi | race war | isis | daesh | far right | extremist | incel | incels) ~3 (memes | propaganda | groups | group | forums | chats | channels | flags | symbols | tattoo | tattoos | salute | salutes | join | joined | joining | supports | supporting | recruiter | recruiters | literature | manifesto)', '(sharing | shares | shared | joined | joining | supports | supporting | follows | following | talks about | talking about | keeps talking about | going on about | obsessed with | into) ~2 (nazi | nazis | neo nazi | far right | isis | daesh | white power | extremist | race war | incel | incels) !(history | documentary | film | films | war films)', 'marry a (fighter | jihadi | mujahid)', '(go | going | travel | travelling | move | moving | run away) to (syria | iraq | afghanistan) ~6 (marry | fight | join | fighter | jihad)', '(races | race | muslims | jews | immigrants | black people | gay people | gays | whites | white people | christians | foreigners | refugees) ~4 (should be | need to be | deserve to be | must be | ought to be) ~1 (wiped out | killed | exterminated | gassed | shot | removed | eliminated)', '(muslims | jews | immigrants | christians | whites | white people | black people | gays | foreigners | refugees | the west) ~2 (are | is) the enemy', '(fake | fake account | account | page | profile | group chat | someone | people) ~8 (posting | posted | sharing | shared | spreading | spread) ~3 (sexual | nude | nudes | naked | explicit | intimate | rude) ~2 (stuff | things | pictures | photos | images | videos | rumours | comments)?',
      '(blackmail* | threaten* | extort*) ~6 (nude | nudes | naked | explicit | sexual | intimate) ~1 (pictures | photos | pics | videos | images | picture | photo | video | image)?',
      '(nude | nudes | naked | explicit | intimate) ~1 (pictures | photos | pics | videos | images | picture | photo | video | image)? ~6 (blackmail* | threaten* | extort* | leak*)',
      '(talking | talks | talked | telling | tells | told | persuading | persuaded | wants | want) ~6 (go | going | join | travel) ~2 (and)? ~1 (fight | fighting) ~2 (abroad | overseas | in syria | for (isis | them | the cause))',
      '(left | leaves | leaving | leave) ~6 with ~3 (drunk | high | stoned | wasted | off (his | her | their) face | on drugs)',
      '(drunk | high | stoned | wasted | on drugs) ~3 (babysitter | babysitting | looking after | in charge of | minding | childminder)',
    ],
    requires: CHILD_SPEAKER,
    figurative: true,
  },
  {
    id: 'safeguarding-child.named-harm-unknown-age',
    route: 'safeguarding-child',
    // Said with no sign of age: still the child route, which also gives 999 and Childline.
    patterns: [
      'groom*', 'sextortion', 'sextort*', 'radicalis*', 'radicaliz*', 'extremis*', 'jihad*', 'terroris*',
      'neo nazi*', 'white power', 'white supremac*', 'ethnic cleansing', '(nazi | nazis | neo nazi | race war | isis | daesh | far right | extremist | incel | incels) ~3 (memes | propaganda | groups | group | forums | chats | channels | flags | symbols | tattoo | tattoos | salute | salutes | join | joined | joining | supports | supporting | recruiter | recruiters | literature | manifesto)', '(sharing | shares | shared | joined | joining | supports | supporting | follows | following | talks about | talking about | keeps talking about | going on about | obsessed with | into) ~2 (nazi | nazis | neo nazi | far right | isis | daesh | white power | extremist | race war | incel | incels) !(history | documentary | film | films | war films)', 'marry a (fighter | jihadi | mujahid)', '(go | going | travel | travelling | move | moving | run away) to (syria | iraq | afghanistan) ~6 (marry | fight | join | fighter | jihad)', '(races | race | muslims | jews | immigrants | black people | gay people | gays | whites | white people | christians | foreigners | refugees) ~4 (should be | need to be | deserve to be | must be | ought to be) ~1 (wiped out | killed | exterminated | gassed | shot | removed | eliminated)', '(muslims | jews | immigrants | christians | whites | white people | black people | gays | foreigners | refugees | the west) ~2 (are | is) the enemy', '(fake | fake account | account | page | profile | group chat | someone | people) ~8 (posting | posted | sharing | shared | spreading | spread) ~3 (sexual | nude | nudes | naked | explicit | intimate | rude) ~2 (stuff | things | pictures | photos | images | videos | rumours | comments)?',
      '(blackmail* | threaten* | extort*) ~6 (nude | nudes | naked | explicit | sexual | intimate) ~1 (pictures | photos | pics | videos | images | picture | photo | video | image)?',
      '(nude | nudes | naked | explicit | intimate) ~1 (pictures | photos | pics | videos | images | picture | photo | video | image)? ~6 (blackmail* | threaten* | extort* | leak*)',
    ],
    excludes: [...CHILD_SPEAKER, ...OLDER_CONTEXT],
    figurative: true,
  },
  {
    id: 'safeguarding-child.kept-locked-in',
    route: 'safeguarding-child',
    patterns: [
      '(keeps | kept | keep | keeping | leaves | left) ~2 (me | us | him | her | them | the kids | my (brother | sister)) ~1 (locked | shut) ~2 (in | up | out)',
      '(locked | shut) ~2 in ~2 (my | our | his | her | their | the)? ~1 (room | bedroom | cupboard | shed | house) ~4 (all day | all night | for hours | for days | every (day | night | weekend) | as (a)? punishment)',
    ],
    requires: CHILD_SPEAKER,
  },
  {
    id: 'domestic-abuse.kept-locked-in',
    route: 'domestic-abuse',
    patterns: ['(keeps | kept | keep | keeping) ~2 (me | us | her | him) ~1 (locked | shut) ~2 (in | up | out)'],
    excludes: CHILD_SPEAKER,
  },
  {
    id: 'domestic-abuse.named-harm',
    route: 'domestic-abuse',
    patterns: [
      '(throws | threw | throwing | thrown | chucks | chucked | chucking | hurls | hurled | smashes | smashed | smashing) ~3 (things | stuff | plates | objects | furniture | chairs | bottles | glasses | cups | a chair | a plate | a bottle | a glass | a cup | his phone | the tv) ~2 at',
      '(drunk | drinks | drinking | high | on drugs) ~6 (violent | aggressive | lashes out | lashing out | kicks off | smashes | throws | hits | hitting | punches | shoves | pushes)',
      '(domestic (abuse | violence) | coercive control | controlling behaviour | abusive relationship | violent relationship)',
    ],
    figurative: true,
    historic: true,
  },
  {
    id: 'safeguarding-adult.named-harm',
    route: 'safeguarding-adult',
    patterns: [
      '(slave | slaves | enslaved)', '(human)? ~1 traffick*',
      '(hostel | supported living | supported housing | day centre | care home | shelter | residents | housemates | flatmates | staff | support worker | support workers) ~6 (take | takes | took | taking | steal | steals | stealing | stole | keep | keeps | make me give | made me give) ~1 (my | her | his) ~1 (money | cash | food | card | bank card | phone | benefits) !(charger | case | safe | for (me | him | her))', 'forced (labour | labor | to work)',
      '(takes | took | taking | keeps | kept | keeping | steals | stole | stealing | spends | spent | controls | controlling | pockets) ~3 (all)? ~1 (my | her | his | their) ~1 (benefits | pension | wages | universal credit | bank card | savings | pip | dla | attendance allowance)',
      '(will not | won t | wont | does not | doesn t | never) ~1 (let | give | allow) ~1 (me | her | him | them) ~3 (any | my | her | his | their | own)? ~1 (money | benefits | pension | bank card | cash)',
    ],
    figurative: true,
  },
  {
    // Honour-based abuse of an adult: the same words also fire the child route's forced-marriage
    // rule, so an age we cannot see gets both routes.
    id: 'domestic-abuse.honour-based',
    route: 'domestic-abuse',
    patterns: [
      '(shame | shamed | shaming | dishonour | dishonoured | dishonor | dishonored | disgrace | disgraced) ~4 (the | our | my | his | her)? ~1 (family | families | community | name | izzat)',
      'honour (based | violence | killing | abuse | crime)', 'izzat', 'forced marriage', 'married off',
      '(force | forced | forcing | forces | pressur* | make | making | made | makes | push | pushing) ~4 (me | her | him) ~2 (to)? ~1 (marry | get married | marriage | wed | be married | get engaged)',
      '(family | brothers | brother | father | dad | uncles | uncle | cousins | in laws) ~8 (make (me | her) pay | punish (me | her) | kill (me | her) | hurt (me | her) | disown (me | her)) ~8 (seeing | marry | marrying | boyfriend | girlfriend | relationship | dating | leave | leaving | shame | honour)',
    ],
    historic: true,
  },
  {
    // Scams against older or vulnerable adults: the tricks, named or described.
    id: 'safeguarding-adult.scam',
    route: 'safeguarding-adult',
    patterns: [
      'safe account', 'courier fraud', 'romance (scam | fraud)', 'investment (scam | fraud)', '(doorstep | door step) (crime | criminal | criminals | trader | traders | seller | sellers | caller | callers)',
      '(pretending | pretended | pretends | claiming | claimed | claims | posing | posed) ~3 (to be)? ~1 (from)? ~1 (the | his | her | their)? ~1 (bank | police | hmrc | fraud team | microsoft | amazon | council | tax office)',
      '(call | phone call | rang | calls | ringing | message | text) ~3 (from)? ~2 (his | her | their | the)? ~1 (bank | bank s) ~2 (fraud)? ~1 (team | department | people)? ~10 (moved | move | transfer | transferred | send | sent | withdraw | withdrew | hand over | handed over | give | gave) ~4 (savings | money | cash | pension | thousands | card | cards | pin)',
      '(moved | transferred | sent | withdrew | withdrawn | handed over) ~2 (all)? ~1 (his | her | their) ~1 (savings | life savings | pension | pension pot) ~4 (to | into | over | to a | into a)',
      '(so called | so called | cowboy | dodgy | bogus | rogue | fake) ~1 (builder | builders | roofer | roofers | gardener | gardeners | tradesman | tradesmen | workmen | trader | traders | workman | carer | friend | friends | boyfriend | girlfriend)',
      '(taking | takes | took | driving | drives | drove | driven) ~3 (him | her | them | {OLDER} | my {REL}) ~3 to the (bank | cash machine | cashpoint | post office | building society) ~10 (work | job | jobs | repairs | roof | driveway | builder | builders | he does not need | she does not need | never (done | finished | gets done) | keeps)',
      '(work | repairs | jobs) ~4 (that | which)? ~1 (never | not) ~2 (gets | get | got | been | was | is)? ~1 (done | finished | needed | started)',
      '(man | men | someone | people | bloke | lads | builder | builders | trader | traders | stranger | strangers) ~3 (at | came to | knocked on | knocking on | knocks on | turned up at | turned up on) ~2 (the | her | his | their)? ~1 (door | doorstep) ~12 (paid | gave | give | given | handed | cash | money | thousands | <\\d+> | roof | driveway | gutters | repairs)',
      '(keeps | kept | been | is | has been | always) ~1 (giving | gives | handing | sending | lending | paying) ~2 (money | cash | her money | his money | her pension | his pension | her savings | his savings) ~3 to ~3 (a man | a woman | someone | a stranger | people | a caller | the man | this man | a bloke | a lad | some lads | a friend)',
      '(lost | lose | losing | gave away | handed over | given away) ~3 (her | his | their | all her | all his | all their) ~1 (savings | life savings | pension | money | thousands | inheritance) ~3 to ~3 (someone | a man | a woman | a stranger | a scammer | a person | people | a caller | a fraudster)',
      '(won | winning | win | prize | prizes | lottery | competition | inheritance) ~10 (send | sends | sending | sent | pay | pays | paying | paid) ~4 (cheques | cheque | money | cash | a fee | fees | bank details | gift cards | release fee | admin fee)',
      '(send | sends | sending | sent | pay | pays | paying | paid) ~4 (cheques | cheque | money | cash | a fee | fees) ~6 (prize | prizes | lottery | winnings | competition | inheritance)',
      '(gift cards | itunes (cards | vouchers) | google play cards | amazon vouchers | steam cards) ~8 (pay | paid | buy | bought | asked | told | sent)',
    ],
    requires: [...OLDER_CONTEXT, '(dad | mum | father | mother | grandad | nan | gran | uncle | aunt | auntie | neighbour | brother | sister) ~2 (is | aged)? ~1 <[6-9][0-9]|1[01][0-9]>', 'vulnerable', 'learning (disability | disabilities | difficulties)', 'savings', 'pension', 'life savings'],
    figurative: true,
  },
  {
    // Self-neglect and hoarding: the person is the one at risk; the twin of care neglect.
    id: 'safeguarding-adult.self-neglect',
    route: 'safeguarding-adult',
    patterns: [
      'hoard* !(pills | tablets | medication | meds | {PILLS})', 'squalor', 'self neglect*', 'living in (filth | a tip | a state | a hovel | dirt)',
      '(house | flat | home | place | rooms | room | bungalow | garden) ~4 (piled | stacked | full | filled | overflowing | crammed | rammed | heaving | covered) ~3 (high)? ~1 (with)? ~1 (rubbish | junk | stuff | bags | newspapers | boxes | bin bags | clutter | mess | filth)',
      // two kinds of self-care stopped at once ("stopped washing or eating"), or looking after oneself at all
      '(stopped | not | never | does not | will not | refuses to | refusing to | can not be bothered to | has not been) ~2 (washing | eating | wash | eat | changing (his | her) clothes | taking (his | her) (meds | medication | tablets | insulin)) ~2 (or | and | nor) ~2 (washing | eating | wash | eat | changing | taking (his | her) (meds | medication | tablets) | cleaning | looking after)',
      '(stopped | not | never | does not | will not | refuses to | refusing to | can not) ~2 (looking after | look after | caring for | care for) (himself | herself | themselves)',
      '(will not | refuses to | does not | never) ~1 (let | lets) ~1 (anyone | anybody | us | me | people | carers | the nurse | the doctor) ~1 in ~10 (stinks | smells | reeks | filthy | thin | weight | rubbish | state | mess | dirty)',
      // no sign of life from an older person living alone
      '(not | nobody has | no one has | have not | has not) ~2 (been)? ~1 seen ~3 (him | her | them)? ~2 (for | in) ~2 (days | a week | weeks | ages | a few days | two days | three days)', '(curtains | blinds) ~3 (shut | closed | drawn) ~6 (days | week | weeks | not seen | post | milk)', '(post | letters | milk | newspapers | parcels) ~3 (piling up | piled up | not collected | not taken in)',
      '(house | flat | place | home | bungalow | room) ~2 (stinks | smells | reeks) ~10 (thin | weight | rubbish | not eating | not washing | hoard* | filthy | dirty | mess)',
      '(no | not got | has no | without | can not afford) ~1 (heating | food | hot water | electric | electricity) ~8 (stopped | not eating | not washing | freezing | cold | rubbish | weight | thin)',
    ],
    requires: OLDER_CONTEXT,
  },
];

/**
 * Frames in which scary words are everyday speech. A match is dropped only when
 * it lies wholly inside one of these, and only for rules marked `figurative`.
 * The subject of every frame is a thing or a joke threatener, never "myself".
 */
export const FIGURATIVE_FRAMES: readonly string[] = [
  // The words between the thing and the verb may not be a person: "this man is killing me" and "I think that he is killing me" are not figurative.
  '{THING} (!({PERSON_WORD}) ~1)? (!({PERSON_WORD}) ~1)? (is | are | was | were | be | been | has been | have been | will | going to | gonna | just)? ~1 (killing | kill | murder | murdering | torture | the death of | doing my head in) ~1 (me | us | my | our)?',
  // the same about someone else, with no room for a person between the thing and the verb ("her mocks are killing her")
  '{THING} (is | are | was | were | has been | have been | are really | is really) (killing | the death of) (her | him | them)',
  '(is | was | are | be) (absolute | pure | total | such | a bit of | bloody)? ~1 murder',
  '(could | would | will | might) (kill | murder | die) (for)? ~1 (a | an | some | the | another | any | my)',
  'dying (to | for)', '(kill | killing | killed) ~3 with kindness',
  '(dying | died | die | dead) of (embarrassment | boredom | laughter | shame | thirst | hunger | heat | cold | cringe)',
  '(died | die | dying | dead) laughing', 'bored to death', 'to die for', 'over my dead body', 'drop dead gorgeous',
  'dead (tired | easy | good | funny | nice | busy | proud | right | keen | excited | serious | boring | cheap | quick | chuffed | lucky | on | worried | end | ends)',
  '{JOKE_THREATENER} ~2 (will | is going to | going to | gonna | would | is gonna) ~1 (kill | murder | strangle) (me | us)',
  '(killed | killing | kill | smashed | smashing) it (at | in | today | on | with)?',
  'kill (time | an hour | the time | the mood | the lights | the engine | the vibe | germs | bacteria | weeds | slugs | the battery)',
  '(murder | killer) (mystery | mysteries | podcast | series | documentary | film | book | novel | drama)',
  'killer (heels | workout | app | song | tune | view | line | joke)',
  '(overdos* | od) ~1 on (chocolate | sugar | caffeine | coffee | netflix | sweets | cake | screen time | tv | telly | christmas | crisps | energy drinks)',
  '(shoot | shot) ~1 (me | you | us)? ~1 (a | an) ~1 (message | text | email | line | dm)',
  '(you are | you re) killing me', '(that is | that was | it is) killing me ~1 (laughing | lol | haha | lmao)?',
  '(baby | babies | newborn | twins | toddler | toddlers | teething | night feeds | feeds | feeding | nappies | tantrums | the kids | my kids) ~4 (is | are | has been | have been | been)? ~1 killing me ~3 (with | at night | lately | this week)?', 'killing me (softly | laughing)',
  '(phone | battery | laptop | car | plant | plants | fish | goldfish) ~2 (is | has | was)? ~1 (dead | died | dying)',
  '(dye | dyeing | die | dying) ~2 (my | her | his | their) hair',
  '(hurt | hurting | hurts | cut | burnt | burned | bruised | injured) (myself | himself | herself) ~3 (playing | shaving | cooking | at the gym | falling | when (i | he | she) fell | at football | at rugby | at work | in the kitchen | by accident | accidentally | clumsy | tripping)',
  '(got | get | getting) shot of', 'out of control', '(cut | cutting | cuts) (down | back | off | out | ties | corners | short)', '(could | would) (die | cry | scream)',
  '(dying | dead | broken | empty) inside', '(i | we) (grew | grow) up ~8 (violence | violent | abuse | abusive | fighting | drinking)', '(bang | banging) ~2 head ~3 (brick wall | a wall) ~6 (council | school | trying | with | getting)',
  '(toy | nerf | water | water pistol | cap | bb | airsoft | paintball) ~1 (gun | guns | pistol | rifle)', '(kill | killing | killed | attack | attacking) ~3 (the)? ~1 (final)? ~1 (boss | zombies | monsters | level | enemies | dragon)',
  '(killing | kill | killed | killed off) ~3 (confidence | spirit | joy | vibe | mood | buzz | motivation | self esteem | love of | interest | enthusiasm | career | chances | dreams | the fun)',
  '(obsessed | interested | fascinated | collects | collecting | likes | loves | into) ~2 (knives | swords | guns | weapons) ~6 (from history | history | museum | films | games | collection | cooking | chef | toy | toys | nerf | lego)', '(stabbed | shot | glassed | knifed) ~4 (last (year | month | week | summer | winter) | years ago | months ago | a while ago | in the past | when (i | he | she | we) (was | were))', '(pocket knife | penknife | pen knife | swiss army knife)', '(knives | knife | guns | gun | weapons | swords | shoot | shooting) ~3 (in | on | from) ~1 (video games | games | the game | films | movies | fortnite | call of duty | gta | tv | youtube)',
  '(cat | dog | pet | hamster | rabbit | tortoise | parrot | budgie | keys | phone | wallet | purse | parcel | letter | post | bike | money | paperwork | homework | shoe | shoes | coat) ~2 (has | have | is | was | went | been)? ~1 (gone | go)? ~1 missing',
  '(the kids | my kids | the children | they) (were | are | was) ~1 fighting ~2 (and)? ~1 {POSS}? ~1 (son | daughter | boy | girl) ~3 {VIOLENT} ~2 (his | her | their) ~1 (sister | brother | twin | sibling)',
  '(son | daughter | boy | girl) ~3 {VIOLENT} ~2 (his | her | their) ~1 (sister | brother | twin | sibling) ~10 (sibling | siblings | fights | fighting | rivalry | squabble | squabbling | argue | arguing)',
  '(<[1-9]> (year | years) old | toddler | baby | little one | preschooler | two year old | three year old) ~2 (son | daughter | boy | girl)? ~3 {VIOLENT} ~1 (me | us | his | her) ~8 (tantrum | tantrums | meltdown | meltdowns | tired | overtired | frustrated | angry | cross)?',
  '(dog | dogs | pet | pets | horse | pony | cat) ~1 (groom* | grooming | groomer)', '(groom* | groomer) ~3 (course | salon | parlour | business | apprenticeship | dogs | pets)',
  '(it | that | this | bills | rent | heating | energy | everything | mortgage | childcare | nursery) ~2 (takes | took | eats | swallows | uses) ~3 (all)? ~1 (my | our | her | his) ~1 (money | pension | wages | benefits)',
  'home office ~8 (passport | passports | documents | papers | id | visa)', '(passport | passports | documents | papers | id | visa) ~8 home office',
  '(she | he | they) ~2 (is | was | are) ~1 (killing | murdering) (it | them) (at | in | on)',
  '(knocked | knock | knocks) (me | her) up',
  '(kicked | thrown | chucked | kicking) (off | out of) ~2 (course | college | team | bus | train | class | school | programme | uni | group | chat | squad)',
  '(without | avoid | avoiding | not | never | stop) ~1 (hurting | upsetting | harming) ~2 (the | my | our | them)? ~1 (kids | children | baby | feelings)?',
];

/** "When I was a child" frames: the speaker's own past, not a risk now. */
export const HISTORIC_FRAMES: readonly string[] = [
  '(left | escaped | got out of | got away from | was in | were in | survived) ~3 (a | an | my)? ~1 (violent | abusive | controlling | coercive) ~1 (relationship | marriage | partner | ex | husband | wife | boyfriend | girlfriend) ~5 (years ago | months ago | ago | last year | in the past | a long time ago)',
  '(i | we) ~1 (was | were | got | used to (get | be)) ~2 {VIOLENT} ~6 (as a (child | kid | teenager | teen) | when (i | we) (was | were) (young | younger | little | small | a child | a kid | a teenager | growing up | at school) | growing up | in my childhood | years ago | as kids)',
  '(as a (child | kid | teenager) | when i was (young | younger | little | small | a child | a kid | a teenager) | growing up | in my childhood) ~6 (i | we) ~1 (was | were | got) ~2 {VIOLENT}',
  '(my | our) (dad | mum | father | mother | parents | stepdad) ~2 (used to) ~2 {VIOLENT} ~2 (me | us) ~6 (as a (child | kid) | when (i | we) (was | were) (young | little | small | a child | a kid) | growing up)',
];
