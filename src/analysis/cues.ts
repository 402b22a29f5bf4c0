/**
 * The phrases the rules listen for, by taxonomy type, in one place. Every pattern runs on the
 * lower-case text of ONE sentence of a buyer (or of a typed-notes line about a buyer), after other
 * people's reported words have been blanked out. Patterns are plain alternations with bounded
 * gaps (`.{0,40}`), so they never backtrack catastrophically.
 */

/** Words that, just before a cue, negate it ("no hesitation", "not lukewarm", "never a problem"). */
export const NEGATORS = /\b(?:not|no|never|without|n't|nothing|zero|hardly|nobody|isn't|wasn't|aren't|don't|doesn't|didn't|won't|wouldn't|can't|cannot)\s+(?:\w+\s+){0,2}$/;

// ---- positive signals -------------------------------------------------------------------------

export const ARTICULATED_VALUE = [
  /\bpays? for itself\b/,
  /\b(?:that's|this is|that is|here's) (?:the|my|how i'd|how i'm going to|what i'd) (?:slide|story|pitch|case|argument|number|point)\b/,
  /\bthe (?:slide|story|pitch|case) i'd (?:show|tell|make|give|bring)\b/,
  /\bhow i'm going to (?:pitch|sell|present|position|frame) it\b/,
  /\bi (?:can|could|will|'ll) (?:show|prove to|tell) (?:him|her|them|[a-z]+) (?:that|this)\b/,
  /\bi can show [a-z. ]{1,20} that\b/,
  /\bi can finally\b/,
  /\b(?:that's|this is) the whole reason\b/,
  /\b(?:saves?|would save|will save) us\b/,
  /\bkills the (?:chargebacks|problem|cost)\b/,
];

export const INTRO_OFFERED = [
  /\b(?:i'll|i will|let me|i can|i could|happy to|i'd be happy to|i'm going to|i am going to)\s+(?:set (?:it|that|this|one|something) up|set up (?:a|the|that) (?:meeting|call|time|intro)|get you (?:in front of|on (?:his|her|their|the) (?:calendar|agenda)|in with|time with|a meeting with|in a room with|on the agenda)|introduce you|bring you (?:to|in|into|along)|loop you in|connect you|put you in touch|make the intro(?:duction)?|get (?:him|her|them) (?:on|in|to)|book (?:us|you|time|it|a meeting))/,
  /\b(?:let's|let us) get (?:the|this|our|your) [a-z ]{0,30}in front of\b/,
  /\bi'll bring [a-z]+ (?:too|along|in|with me)\b/,
  /\b(?:offered|agreed|volunteered) to (?:set up|introduce|arrange|book|get (?:us|me|you) in)\b/,
  /\bi'll introduce you\b/,
  /\b(?:i'll|i will|let me|i can|happy to)\s+(?:loop|bring|pull|get)\s+(?:in\s+)?(?:our|my)\s+(?:cfo|ceo|coo|cto|cio|ciso|cmo|vp|boss|director|head of \w+|controller|owner|president|gm)\b/,
  /\b(?:i'll|i will|let me|i can)\s+set up (?:a |the )?(?:call|meeting|intro|introduction) with\b/,
];

export const INTERNAL_ADVOCACY = [
  /\b(?:i|i've|we|we've|he|she|[a-z]+)\s+(?:already |also |literally )?(?:pitched|presented|demoed|showed|shared|forwarded the|circulated)\s+(?:it|this|the|our|your|them)\b[^.]{0,80}\b(?:to|at|with)\s+(?!us\b|you\b|me\b)(?:the|our|my|his|her|their|a|every|\w+)\b/,
  /\b(?:i|i've|we|he|she)\s+(?:already |also )?walked (?:our|my|the|your|his|her) [a-z ]{1,30} through (?:it|them|this|the)\b/,
  /\b(?:i|i've|we)\s+(?:already |also )?(?:sent|put) (?:the one-pager|your numbers|the numbers|your deck|the deck|the proposal|it) (?:to|in) (?:the|our|my)\b/,
  /\b(?:i|we)\s+(?:already )?told (?:our|my|the) [a-z ]{1,25} (?:this is the one|we should|to pick|about (?:it|this|you))\b/,
  /\b(?:been |i've been |i'm )?talking it up\b/,
  /\bi'm going to (?:bring it up|pitch|present|push for|make the case|champion)\b/,
  /\b(?:case|pitch|argument) i'm going to make to\b|\bi'm going to (?:make|pitch|present) (?:it |this |that )?to (?:our|my|the)\b/,
  /\bi'll (?:pitch|present|push for|make the case for|champion|sell) (?:it|this)\b/,
  /\bi'll keep (?:working on|pushing) (?:him|her|them)\b/,
  /\balready showed (?:our|the|your) [a-z ]{1,30} to\b/,
  /\b(?:pitched|presented) it at the\b/,
];

export const INSIDER_INFO = [
  /\b(?:signs?|sign off on) (?:anything|everything|all|off|every)\b/,
  /\b(?:final|real|ultimate) (?:call|say|decision|sign-?off)\b/,
  /\bthe decision (?:here )?(?:would be|is|goes to)\b/,
  /\bmakes? the (?:final )?call\b/,
  /\b(?:anything|everything|software|purchases?)\b[^.]{0,30}\b(?:over|above|under) [a-z0-9$ ]{1,25}\bgoes (?:to|across)\b/,
  /\bgoes (?:to|across) (?:the|his|her) (?:board|committee|desk|cfo|ceo)\b/,
  /\bowns? the [a-z ]{0,20}budget\b/,
  /\b(?:budget|capital requests?|fiscal year|budget planning|budget meeting|budget cycle)\b[^.]{0,40}\b(?:locked|due|starts?|goes in|go in|gets set|meets?|second week|by [a-z]+)\b/,
  /\bnotice (?:by|clause)\b|\bgive them notice\b/,
  /\b(?:we|they) (?:looked at|evaluated|trialed|tried) [a-z]+ (?:last|this|two|a)\b/,
  /\bkilled (?:it|a|the|that)\b/,
  /\boffered (?:us )?(?:a |an )?(?:free|discount|twenty|thirty|\d+|[a-z-]+ percent)/,
  /\b(?:between us|just so you know|off the record|i'll tell you straight|i'll be honest with you)\b[^.]{0,200}\b(?:decision|cfo|ceo|budget|killed|signs?|approv\w+|competitor|looked at|offered|price)\b/,
  /\bthe one (?:finance|everyone|the board|he|she) listens to\b/,
  /\b(?:can|could) (?:say no|veto)\b/,
  /\bput it on my card\b|\bwithout asking anybody\b/,
  /\bpressure from above\b/,
  /\bwants? (?:\w+ )?percent off\b/,
  /\b(?:board's|the) finance committee\b/,
  /\b(?:that's|it's|company) policy\b|\bthree quotes\b|\b(?:needs?|requires?) (?:board|committee|ceo|cfo) approval\b|\bapproval process\b|\bsecurity review (?:takes|before)\b/,
  /\bhe'll believe\b|\bwhat'll move him\b|\bthing that'll move (?:him|her)\b/,
];

export const PERSONAL_WIN = [
  /\bselfishly\b/,
  /\bfor me,? personally\b|\bpersonally,? (?:i|for me)\b/,
  /\bmy (?:review|bonus|promotion)\b/,
  /\bi(?:'d| would) (?:like|love) (?:my [a-z]+ back|to be the one|to walk into)\b/,
  /\bi want to walk into\b/,
  /\bi(?:'m| am) the (?:guy|one|person) who\b/,
  /\bthe one who (?:fixed|made|solved)\b/,
  /\bget my [a-z -]+ back\b/,
  /\bmake me look (?:good|great)\b|\blook good in front of\b/,
  /\bwants? (?:to be )?the (?:win|one who)\b/,
];

export const RESOURCE_COMMITTED = [
  /\b(?:i|we)(?:'ll| will| can| could)\s+(?:give|send|pull|share|provide|assign|dedicate|free up|lend|get|set up)\s+(?:you\s+)?[a-z0-9 ,'-]{0,40}\b(?:data|export|file|files|history|copy|analysts?|engineers?|people|hours?|access|account|sandbox|questionnaire|sample|master|login|environment|budget|an hour with|time with)\b/,
  /\b(?:i|we)(?:'ll| will| can)\s+have (?:our|my) [a-z ,]{1,40}(?:set up|build|pull|send|give|run|configure)\b/,
  /\b(?:two|three|four|\d+) of my (?:analysts|engineers|people|team)\b/,
  /\b(?:committed|agreed|offered) to (?:send|give|provide|loop in|pull|share|assign)\b/,
  /\bloop in (?:her|his|my|our) [a-z ]{1,20}(?:engineer|analyst|team|lead)\b/,
];

export const DIRECT_COMMITMENT = [
  /\b(?:let's do (?:it|this)|we're in\b|count us in|you(?:'ve)? got a deal|send (?:me|over|us) the (?:contract|paperwork|order form|msa)|(?:i'll|we'll|i will|we will) (?:sign|move forward|go ahead|take it|buy it))\b/,
];

// ---- red flags ---------------------------------------------------------------------------------

/** Non-answers that are vague whatever the question. */
export const VAGUE_STRONG = /\b(?:it depends|depends on|kind of depends|hard to say|tough to say|difficult to say|sort of|who knows|not sure yet|remains to be seen)\b/;
/** Softer hedges: a non-answer when they answer a question about timing or next steps. */
export const HEDGE_WEAK = /\b(?:maybe|probably|perhaps|possibly|i don't know|let me think|i'd have to think|we'll see|let me see how|circle back|get back to you|i'll reach out|when i can|closer to then|put it in an email|shoot me an email|send me (?:the|whatever|that|it)[^.]{0,40}(?:first|and we'll)|first\. i'll look|i'd rather not|don't want to commit|not (?:yet|right now)|let's not get ahead|let me check|hold off|we'll figure it out|not a great time|too early)\b/;

/** Faint praise that needs a question about the product to be about the product. */
export const LUKEWARM_CONTEXTUAL = /\b(?:it's|it is|it was|that's|looks|looked|seems|it looks|pretty) (?:\.{3}\s*)?(?:fine|decent|okay|ok|alright|nice|not bad|interesting)\b/;
/** Faint praise in any context ("I'm not against it", "interesting, I guess"). */
export const LUKEWARM_INHERENT = [
  /\bi'm not against it\b|\bnot opposed to it\b/,
  /\b(?:interesting|fine|okay|ok|nice|decent),? i guess\b/,
  /\bi guess it's (?:fine|okay|ok|interesting)\b/,
  /\b(?:fine|okay|ok|alright|decent|not bad),? i suppose\b|\bmeh\b/,
  /\bit's still a good product\b[^.]{0,10}|\b(?:the )?product is fine\b/,
  /\bit looks like every [a-z ]{1,30}(?:pitch|demo|vendor)\b/,
];

export const INTRO_RELUCTANCE = [
  /\b(?:let me|i'd rather|i'll|i will|i want to)\s+(?:take|bring|run|work on|handle|brief|pitch)\b[^.]{0,40}\bmyself\b/,
  /\b(?:doesn't|does not|don't|won't|never) (?:really )?(?:take|do|like|love|want) (?:vendor|sales) (?:calls|meetings|pitches)\b/,
  /\bhates vendor (?:calls|meetings|pitches)\b/,
  /\bleave [a-z. ]{1,30} to me\b/,
  /\bsend it to me,? not to (?:him|her|them)\b/,
  /\bi'll (?:just )?(?:forward|pass) (?:him|her|them|it)\b[^.]{0,40}/,
  /\b(?:he|she|they)(?:'s|'re| is| are) (?:too busy|slammed|swamped)\b/,
  /\bi wouldn't\b/,
  /\bnot yet\b/,
];

export const CHAMPION_AT_RISK = [
  /\bmy (?:role|job|position|team|department) (?:is|was|'s) (?:being )?(?:folded|eliminated|cut|moved|merged|restructured|reorg\w*|going away|changing)\b/,
  /\bre-?org(?:anization|anized|ed|ing)?\b/,
  /\bi won't own (?:this|it)\b/,
  /\bi(?:'m| am) (?:leaving|moving on|stepping down|transferring)\b/,
  /\bmy last day\b/,
  /\b(?:they )?(?:put|moved|pulled|assigned) me (?:on|onto|to) (?:the|a)\b/,
  /\bon top of (?:payroll|my (?:day )?job|my day|everything)\b/,
  /\bhalf of somebody else's job\b/,
  /\bi(?:'m| am) not the one (?:he|she|they)(?:'s|'re| is| are)? listening to\b/,
  /\b(?:being|getting) (?:replaced|laid off)\b|\blayoffs\b/,
];

export const BLOCKER = [
  /\b(?:i'm|i am|we're|we are) not (?:signing|approving|going to sign|buying)\b[^.]{0,80}\bunless\b/,
  /\bunless the (?:rate|price|cost)\b/,
  /\bwants? (?:\w+ )?percent off\b/,
  /\bnot a negotiating position\b|\bnon-?negotiable\b|\bdeal-?breaker\b/,
  /\bwe(?:'re| are) overcomplicating\b|\bthat's not a reason to\b|\bwe don't need (?:this|it|another)\b|\bwaste of (?:money|time)\b/,
  /\bi(?:'m| am| will|'ll) (?:veto|block|oppose)\b|\bover my dead body\b|\bi'm against (?:it|this)\b/,
];

// ---- questions the seller asks ----------------------------------------------------------------

export const TEST_HYPOTHETICAL = /\b(?:if (?:it|this|the decision) (?:were|was) (?:entirely |totally |purely |completely |only |just |solely |all |a hundred percent |one hundred percent |100% |100 percent )?(?:up to you|your (?:call|decision|choice))|if (?:it|this) (?:were|was) (?:purely |entirely |only |just )?your (?:call|decision)|if nobody else (?:had|got) a (?:vote|say)|(?:nobody|no one) else (?:involved|had a vote|has a vote)|if you were the only|if you had (?:a magic wand|the final say|full authority|sole authority)|(?:setting|putting|leaving) [a-z ,.]{0,50} aside[^?]{0,80}(?:you|your)|only up to you|your call\b|your decision\b|just you\b)/;
export const TEST_WOULD = /\bwould you\b|\bwould that be a yes\b|\byou'd (?:do|buy|sign|move)/;

export const OPINION_QUESTION = /\b(?:how (?:does|did|do|would) (?:that|it|this|the [a-z]+) (?:land|look|feel|sound|go)|what(?:'s| is| was) your (?:reaction|take|read|impression|first impression|feedback|thoughts?|gut)|what do you think|what did you think|where did you land|how do you feel|how are you feeling|thoughts\?|what did the [a-z ]+ think|what changed)\b/;
export const WHY_QUESTION = /(?:^|\b)(?:why\?|can i ask why|why would you|what's the outcome|what would (?:it|that|this) (?:mean|do) for|what's in it for you|why does (?:it|this) matter)/;
export const TIMING_QUESTION = /\b(?:when (?:should|can|could|would|do) (?:we|you)|timeline|timing|schedule|pencil|calendar|reconnect|check[- ]in|follow[- ]up|next steps?|get together|find a time|set up a (?:call|meeting|time)|sit down|sat down|does that work|works for you|meet (?:again|next)|a call with|on that yourself|a time next week)\b/;
export const INTRO_QUESTION = /\b(?:bring(?:ing)? [a-z. ]{1,30} (?:in|into|along)|get (?:time|thirty minutes|a meeting|[a-z]+ minutes) (?:with|on)|talk(?:ing)? to (?:your|him|her|them|[a-z]+)|meet(?:ing)? (?:with )?(?:your|him|her|them|[a-z]+ directly)|met with|in a room with|in front of|introduce|on (?:a|our next) call|get [a-z. ]{1,20} on (?:a|our|the) (?:call|calendar)|walk(?:ed)? [a-z. ]{1,20} through|anybody else i should be talking to|anyone else we should bring|still send that email|make that happen)\b/;
export const PROPOSAL = /\b(?:let's|let us|i'd suggest|how about|what if we|could we|should we|shall we|can we|would it make sense|does that work|how does [a-z]+ (?:work|sound))\b/;

// ---- answers ------------------------------------------------------------------------------------

export const LEADING_FILLER = /^(?:(?:honestly|well|so|look|i mean|um+|uh+|oh|okay|ok|hmm+|mm+|to be honest|frankly|you know what|you know|yeah, no|right|truthfully|candidly|for what it's worth|to be fair|gosh|wow)[,.!?…\s]+)+/;
export const ANSWER_YES = /^(?:yes|yeah|yep|yup|absolutely|definitely|100%|a hundred percent|for sure|in a heartbeat|without (?:a )?(?:doubt|hesitation|question)|no question|no doubt|no-?brainer|i would\b|i'd (?:sign|do it|buy|move|go)|we would\b|totally|of course|sure\b|hell yes|heck yes)/;
export const ANSWER_NO = /^(?:no\b(?! (?:question|doubt|brainer|hesitation))|nope\b|not (?:right now|this year|yet|today|at this point|really|now)|i wouldn't\b|i would not\b|probably not\b|i don't think so\b|not a chance\b|nah\b)/;
export const ANSWER_HEDGE = /\b(?:probably|maybe|i think so|possibly|perhaps|kind of|sort of|i guess|depends|it depends|as long as|but\b|though\b|i'd want to see|i'd need|we'd need|would need|not sure|hard to say|ask me (?:after|later|again)|if the\b|if they\b|assuming|provided (?:that|we)|on (?:the )?condition|i don't know)/;
export const ACCEPT_START = /^(?:yes|yeah|yep|sure|perfect|great|works|that works|sounds good|deal|let's do it|absolutely|ok(?:ay)?,? (?:that|works|sounds)|see you then)/;
