// Everyday words that must never be "corrected" into a risk word by the fuzzy
// matcher ("dye" is not "die", "bills" is not "kills"). Words used by the risk
// rules, the rewrites and the training phrases are added to this at start-up.
// The last lines were found by running every corpus and evaluation text through the matcher
// against the 10,000 most frequent English words (2026-12-01): "ripped up" had read as "raped",
// "odd" as "od", "shaped" and "swapped" as "slapped", "pillows" as "pills". A whole frequency list
// is not used: it also blocks misspellings that are words ("im sacred to go home", "i shelf harm",
// "my baby is not breaching"), which must still be corrected.

export const COMMON_WORDS = `
a about above across act actually add after again against age ago agree all allowed almost alone along already also
although always am amazing an and angry animal another answer any anyone anything anyway anywhere appointment are area
arm arms around as ask asked at ate attend away awful baby back bad bag bake balance ball band bank bar bare base bat
bath bay be beach bear beat bed bee been beer before began begin behind being believe bell belt best bet better between
big bike bill bills bin bird birth birthday bit bite black blame blind block blood blow blue board boat body bone book
boot bored born boss both bottle bottom bought bowl box boy brain bread break breakfast bridge bright bring broke brother
brought brown build bus busy but buy by cake call came can car card care careful carry case cash cat catch caught cause
chair chance change charge cheap check chest child children chip choose church city class clean clear climb clock close
clothes club coat cold college come cook cool cope corner cost could council count country course court cousin cover cow
crash cross cry cup cut dad dance dare dark date day dead deal dear debt decide deep dentist desk did die diet different
dinner dirty do doctor does dog doing done door double down draw dream dress drink drive drop dry duck due during dye
each ear early earn easy eat egg eight either else email empty end enjoy enough even evening ever every everyone
everything exam face fact fail fair fall family far farm fast fat father fault fear feed feel feet fell felt few field
fight file fill film find fine finger finish fire first fish fit five fix flat floor fly food foot for forget form four
free friend friends from front fruit full fun funny game garden gas gate gave get gift girl give glad glass go god going
gold gone good got grade grass great green grew group grow guess gym had hair half hall hand hang happy hard harder has
hat hate have he head health hear heard heart heat held hell hello help her here hers hi hide high hill him his hit
hold hole holiday home hope horse hospital hot hour house how huge hunt hurry husband i ice idea if ill in inside into
is it its job join joke just keep kept key kick kid kids kill kind kit kitchen knew knock know lady land large last late
laugh law lay lead learn least leave left leg less let letter lie life lift light like line list listen little live
lock long look lose lost lot loud love low lunch made mail main make man many map mark match mate may me meal mean
meet men mess met middle might mile milk mind mine miss money month more morning most mother move much mum music must
my name near need never new news next nice night nine no none noon nor normal nose not note nothing now number nurse
of off office often oh ok okay old on once one only open or order other our out over own page paid pain paint pair
paper parent park part party pass past path pay peace pen people per pet phone pick picture piece pill place plan
plant play please point police poor post pot pound power pretty price print problem pull push put queue quick quiet
quite race rain ran rate reach read ready real really red rent rest ride right ring rise road rock room round rule
run sad safe said sale same save saw say school sea seat second see seem seen self sell send sent set seven shall
share she shop short should show shut sick side sign since sing sir sister sit six size skill skin sleep slow small
smell smile snow so some son song soon sorry sort sound space speak spend spent sport spot stair stairs stand star
start stay step still stop story street strong study such sugar summer sun sure swim table take talk tall tea teach
team tell ten term test than thank that the their them then there these they thing think this those though three
threw through till time tip tired to today together told tomorrow too took top touch town toy train tree trip true
try turn twice two under until up upon us use used very visit wait walk wall want war warm was wash watch water way
we wear weather week weight well went were wet what when where which while white who whole why wide wife will win
wind window wish with without woman women wonder word work world worry worse would write wrong yard year yes yet you
young your yours
fill fills filling bill kiss kisses mill will wills till kit kits hunt hurl hart dye dyed dyes hat hats cot cots
cat cats cute heat heats suicide harp save sage same cafe sake sale tale pale sail wail tail nail bail fail
jump jumps lump pump bump dump hump hike like bike tike knit knot nude rude rules mood moody
rip ripped odd shaped swap swapped pillow pillows password peer peers press penny trustee employee beginner beginners
bride stranded brush brushed forge forged accuse accusing pal pals
`;
