/**
 * The phrases the rules listen for, by taxonomy type, in one place. Every pattern runs on the
 * lower-case text of ONE sentence of a buyer (or of a typed-notes line about a buyer), after other
 * people's reported words have been blanked out. Patterns are plain alternations with bounded
 * gaps (`.{0,40}`), so they never backtrack catastrophically.
 */

import { verbForms } from './lexicon.ts';

/**
 * Will-do modals after any subject ("I'll", "we can", "she's going to", notes' "Bronwen to send").
 * Patterns start here rather than at the subject: the subject may be any word (a pronoun, a name
 * in notes), and a literal start keeps the scan cheap.
 */
const WILL = String.raw`(?:'ll|\bwill|\bcan|\bcould|\bwould|\bgoing to|\blet me|\bhappy to)`;

/** Words that, just before a cue, negate it ("no hesitation", "not lukewarm", "never a problem"). */
export const NEGATORS = /\b(?:not|no|never|without|n't|nothing|zero|hardly|nobody|isn't|wasn't|aren't|don't|doesn't|didn't|won't|wouldn't|can't|cannot)\s+(?:\w+\s+){0,2}$/;

// ---- positive signals -------------------------------------------------------------------------

const PAY = verbForms(['pay'], ['present', 'past', 'participle', 'base']);
export const ARTICULATED_VALUE = [
  // what the product did or does, in their words: "the trial cut our quote turnaround from three days to same day"
  new RegExp(String.raw`\b(?:it|this|the (?:trial|pilot|system|tool|platform|software|app|sensors?|dashboard|product|model))\b[^.]{0,25}\b(?:${verbForms(['cut', 'catch', 'find', 'spot', 'flag', 'prevent', 'avoid', 'save', 'reduce', 'halve', 'double', 'eliminate'], ['past'])})\b(?! (?:out|off|in|up)\b)`),
  new RegExp(String.raw`\b(?:${PAY}) for itself\b`),
  // "that's your software paid for by the Fourth"
  /\b(?:that's|that is|it's|there's) (?:your|the) (?:software|system|tool|subscription|licen[cs]e|platform|product|fee) paid for\b/,
  // what it lets them do, the cost it beats: "With this I can hand the FDA a report in five minutes",
  // "Nine weeks down to two", "We lost more than this costs in one weekend"
  /\bwith (?:this|it|that|your (?:tool|system|platform|product)),? (?:i|we|my team|our team) (?:can|could|would|'d)\b/,
  /\b(?:[a-z0-9]+ )(?:weeks?|days?|hours?|months?|minutes?) down to (?:[a-z0-9]+)\b/,
  /\b(?:lost|lose|losing|spent|spend|wasted|waste|write off|wrote off) more than (?:this|it|your (?:software|product|system|tool|platform)) (?:costs|would cost|will cost)\b/,
  // the better way it opens, said as their own case: "we can sell straight to the importers instead of to traders",
  // "that is the whole business case"
  /\b(?:we|i|they|my team|our team) (?:can|could|would|'d|'ll|will) [^.]{0,60}\binstead of\b/,
  /\b(?:that's|that is|this is) (?:the whole|the entire|our|my|the) (?:business case|case for (?:it|this)|point of (?:it|this))\b/,
  // "Yuma alone pays for it": one part of the gain covers the cost
  /\b(?:alone|by itself|on its own|in (?:a|one) (?:month|quarter|year)) (?:pays|would pay|will pay|covers|would cover) (?:for )?(?:it|the (?:whole )?(?:thing|cost|subscription|licen[cs]e|fee))\b/,
  /\b(?:is|that's|that is|it's) (?:real|serious|big|proper) money\b|\bworth every (?:penny|cent)\b/,
  /\b(?:that's|this is|here's) (?:what|how) (?:i'll|i will|i'd|i'm going to) (?:tell|say to|show|put it to)\b/,
  // how they will carry it inside: "that's how I'll put it to Fiona"
  /\b(?:that's|this is|here's) how (?:i'll|i will|i'd|i would|i'm going to) (?:put|pitch|sell|present|frame|explain|position|sell|take) (?:it|this)\b/,
  // the outcome it buys, tied to the product: "if it does what you showed me, that's a week a month back for my team"
  /\b(?:if (?:it|this|that) (?:does|works|gets|cuts|saves)|with (?:this|it)|this (?:would|will|could)|it (?:would|will|could))\b[^.]{0,60}\b(?:saves?|cuts?|reduces?|frees? up|back for (?:my|our|the)|pays? for itself|that's (?:a|an|\d+|[a-z]+) [^.]{0,30}\b(?:back|saved|less|fewer|a (?:week|month|year)))\b/,
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
  // a before/after in numbers: "close the books in three days instead of ten", "down from two weeks to one"
  /\b(?:in|to|within|under) (?:a |an |\d+|one|two|three|four|five|six|seven|eight|nine|ten|half an?|a couple of|a few)[a-z ]{0,12}\b(?:minutes?|hours?|days?|weeks?|months?)\b[^.]{0,20}\b(?:instead of|rather than|down from|not)\b/,
  // what won them over: "what sold me is that it flags...", "the big win for us is..."
  /\bwhat (?:sold|got|convinced|won) (?:me|us)(?: over)? (?:is|was)\b|\bthe (?:big|real|main) (?:win|benefit|draw|value) (?:for (?:us|me|my team)|here) (?:is|was)\b|\bwhat i (?:really )?(?:like|liked|love|loved) (?:most )?(?:is|was) (?:that )?(?:it|the way it|how it)\b/,
  // how they will carry it upstairs: "the way I'd sell it upstairs is..."
  /\bthe way (?:i'd|i would|i'll|i will|i'm going to) (?:sell|pitch|present|put|frame|explain|position) (?:it|this)\b/,
  // the pain it removes, tied to the product: "this gets rid of that", "which is where we bleed money"
  /\b(?:this|it) (?:would |will |could )?(?:get rid of|gets rid of|takes? away|kills?|ends?|fix(?:es)?|solves?) (?:that|all that|the [a-z]+ problem|our [a-z]+ problem)\b|\bwhere we (?:bleed|lose|leak|burn) (?:money|cash|time|hours|customers)\b/,
];

export const INTRO_OFFERED = [
  /\b(?:i'll|i will|let me|i can|i could|happy to|i'd be happy to|i'm going to|i am going to)\s+(?:set (?:it|that|this|one|something) up|set up (?:a|the|that) (?:meeting|call|time|intro)|get you (?:in front of|on (?:his|her|their|the) (?:calendar|agenda)|in with|time with|a meeting with|in a room with|on the agenda)|introduce you|bring you (?:to|in|into|along)|loop you in|connect you|put you in touch|make the intro(?:duction)?|get (?:him|her|them) (?:on|in|to)|book (?:us|you|time|it|a meeting))/,
  /\b(?:let's|let us) get (?:the|this|our|your) [a-z ]{0,30}in front of\b/,
  // "I'll put you in front of Joost", "I'll give you and Kenji the last twenty minutes of it", "I'll set up the kickoff with Rahul"
  /\b(?:i'll|i will|let me|i can|i could)\s+(?:put|get) (?:you|us|you both) in front of\b|\b(?:i'll|i will|let me|i can)\s+give (?:you|you and [a-z]+|you both) (?:the )?(?:last |first )?(?:[a-z0-9-]+ ){0,2}(?:minutes|slot|time)\b/,
  /\b(?:i'll|i will|let me|i can)\s+set up (?:the|a) (?:kickoff|kick-off|workshop|session|demo|review) with\b/,
  /\bi'll bring [a-z]+ (?:too|along|in|with me)\b/,
  /\b(?:offered|agreed|volunteered) to (?:set up|introduce|arrange|book|get (?:us|me|you) in|bring (?:us|me|you|[a-z]+) in|(?:loop|bring|pull|get) in (?:the|our|his|her|their|my))\b/,
  /\bi'll introduce you\b/,
  /\b(?:i'll|i will|let me|i can|happy to)\s+(?:loop|bring|pull|get)\s+(?:in\s+)?(?:our|my)\s+(?:cfo|ceo|coo|cto|cio|ciso|cmo|vp|boss|director|head of \w+|controller|owner|president|gm|md|chief exec\w*|managing \w+)\b/,
  /\b(?:i'll|i will|let me|i can)\s+set up (?:a |the )?(?:call|meeting|intro|introduction) with\b/,
  // "I'll get you fifteen minutes on the agenda", "I'll get you ten minutes with her"
  /\b(?:i'll|i will|let me|i can|i could)\s+get (?:you|us) (?:[a-z0-9-]+ ){0,3}(?:on (?:the|his|her|their|our) (?:agenda|calendar|diary)|in front of|with (?:him|her|them|our|my|the))\b/,
  /\bget (?:us|you|me) (?:[a-z0-9-]+ ){0,3}(?:with (?:him|her|them)|in front of|on (?:the|his|her|their) (?:calendar|agenda|diary))\b/,
  /\b(?:i'd like|i want|i'd love) (?:you|both of you|you both|you two)(?: both)? (?:there|in the room|to (?:join|come|attend|present))\b/,
  // "Let me get Callum on a call with you", "I'll get him in a room with us"
  /\b(?:i'll|i will|let me|i can|i could)\s+get [a-z]+ (?:on (?:a|the) (?:call|calendar|zoom|meeting|line)|in (?:a|the) room) with (?:you|us)\b/,
  // an invitation that puts the seller in the room: "I'll send a calendar invite to you and Dana", "I'll add you to our leadership call"
  /\b(?:i'll|i will|let me|i can|i'm going to)\s+(?:send|forward|set up) (?:a |an |the )?(?:calendar |meeting |teams |zoom )?invite (?:to|for) (?:you|both of you|the two of you)\b(?! guys\b)|\b(?:i'll|i will|let me|i can|i'm going to)\s+(?:add|invite|include) (?:you|both of you) (?:to|on|in|into) (?:the|our|my|his|her|their|a|next) (?:[a-z'-]+ ){0,3}(?:call|meeting|review|session|agenda|invite|thread|offsite|standup|sync)\b/,
  /\b(?:i'll|i will|let me|i can|i could)\s+get (?:you|us) (?:on|onto|into) [a-z]+(?:'s|’s) (?:calendar|diary|agenda)\b/,
  // the decision maker's time already won for the seller: "She's given us thirty minutes on Tuesday"
  /\b(?:she's|he's|they've|she has|he has|they have) (?:given|found|blocked out|set aside) (?:us|you) (?:[a-z0-9-]+ ){0,2}(?:minutes|an hour|half an hour|time|a slot)\b/,
  // shorthand notes: "M setting up mtg w/ Seo", "booking a call w/ the CFO"
  /\b(?:setting up|set up|booking|booked|arranging|arranged|scheduling|scheduled) (?:a |the |an )?(?:mtg|meeting|call|time|intro|session|demo)\s+(?:w\/|with)\s*(?!us\b|me\b)[a-z]/,
  // typed notes, third person: "Tamar will set up time with Dr. Greene", "she'll get us in front of the CFO"
  /(?:'ll|\bwill|\bis going to|\boffered to|\bagreed to)\s+(?:set up (?:time|a call|a meeting|an intro|a session|the meeting) with|get (?:us|you|me) (?:in front of|on (?:his|her|their|the) (?:calendar|agenda)|time with)|introduce (?:us|me))\b/,
];

const ADVOCACY_DONE = verbForms(['pitch', 'present', 'demo', 'show', 'share', 'forward', 'circulate', 'send', 'mention', 'discuss', 'raise', 'float', 'socialise', 'socialize', 'champion'], ['past', 'participle']);
const GROUP = String.raw`(?:board|committee|partners|leadership|exec(?:utive)?s?|staff meeting|team meeting|management|directors|owners|steering group|ops review|all-hands|huddle|the team|my team)`;
export const INTERNAL_ADVOCACY = [
  // "I've already shown the demo to my underwriters", "Nkechi forwarded the pilot summary to Callum", "I discussed it with our GM Finance"
  new RegExp(String.raw`\b(?:${ADVOCACY_DONE})\s+(?:it|this|that|them|these|those|the|our|your|his|her|their|my)\b[^.]{0,80}?\b(?:to|with|at|in front of)\s+(?!us\b|you\b|me\b)(?:the|our|my|his|her|their|a|an|every|\w+)\b`),
  // "I already sent him the dairy story", "I showed her the numbers"
  new RegExp(String.raw`\b(?:i|we|she|he)(?:'ve| have| has)?\s+(?:already |also |just )*(?:${ADVOCACY_DONE})\s+(?:him|her|them)\s+(?:the|our|your|a|my|them|it)\b`),
  // with their own word on it: "I'll forward it to him with my recommendation"
  /\b(?:forward|send|pass|take|bring)\w* (?:it|this|that)(?: on)? to (?:him|her|them|[a-z]+) with (?:my|our|a) (?:recommendation|endorsement|blessing|backing|support)\b|\brecommend(?:ed|ing)? (?:it|this|you) to\b/,
  /\b(?:i'll|i will|i'm going to)\s+(?:sponsor|back|champion|go to bat for|fight for) (?:it|this)\b/,
  // (any subject: the pattern starts at the verb)
  /\bwalked (?:our|my|the|your|his|her|all|both) [a-z0-9' ]{1,30} through (?:it|them|this|the)\b/,
  /\b(?:i|i've|we)\s+(?:already |also )?(?:sent|put) (?:the one-pager|your numbers|the numbers|your deck|the deck|the proposal|it) (?:to|in) (?:the|our|my)\b/,
  /\b(?:i|we)\s+(?:already )?told (?:our|my|the) [a-z ]{1,25} (?:this is the one|we should|to pick|about (?:it|this|you))\b/,
  /\b(?:been |i've been |i'm )?talking it up\b/,
  // in their own paper upward, or sent to a named colleague: "I've put the numbers in my report to exco", "she had sent Declan the summary"
  /\bput (?:the|your|our|those|these) [a-z0-9 -]{0,30}(?:in|into) (?:my|our|her|his) (?:[a-z-]+ )?(?:report|deck|update|pack|paper|memo|board paper|slides)\b/,
  /\b(?:i|we|she|he)(?:'ve| have| has| had|'d)?\s+(?:already |also )?(?:sent|showed|forwarded|shown) (?!(?:you|us|me)\b)[a-z]+ (?:the|our|your|her|his|my) (?:[a-z0-9-]+ ){0,3}(?:summary|case|numbers|results|deck|one-pager|proposal|demo|report|business case|pilot|trial)\b/,
  // taken to a group already: "she took the one-pager to the management team meeting", "I took your numbers to the risk committee"
  /\b(?:took|taken|brought|presented|pitched|shown|showed) (?:it|this|them|the [a-z0-9 -]{1,30}|our [a-z0-9 -]{1,25}|your [a-z0-9 -]{1,25}) (?:to|at|in front of|before) (?:the|our|my|his|her|their) (?:[a-z']+ ){0,3}(?:committee|board|meeting|team|leadership|exec\w*|partners|council|management|review|huddle|offsite|heads|leads|managers|day|forum|session|conference|event)\b/,
  // a colleague walked through it or told it is the one: "I walked Ravi through the numbers myself", "I told him this is the one I want"
  /\bwalked (?!(?:him|her|them|us|me|you)\b)[a-z]+ through (?:it|them|this|the|our|your)\b/,
  /\bput (?:the|our|your|those|these) [a-z0-9 -]{0,30}in front of (?:the|our|my|his|her|their)\b|\bwalk (?:the|our|my|his|her|all) [a-z0-9' ]{1,30} through (?:it|this|them)\b/,
  /\b(?:i|i've|i have|we|we've)\s+(?:already |also )?told (?:him|her|them|the [a-z ]{1,25}|our [a-z ]{1,25}|my [a-z ]{1,25}|[a-z]+) (?:that )?(?:this is the one|it's the one|you're the one|we're (?:looking at|going with|getting) (?:this|it|you))\b/,
  // "I brought it up with my boss", "I made the case to our VP", "I put it on the agenda for the offsite"
  /\b(?:brought|bring|raised|floated) (?:it|this|you|the idea) up (?:with|to|at|in) (?:the|our|my|his|her|their|[a-z]+'s)\b|\b(?:made|make|making) (?:the|a|our|my) (?:case|pitch) (?:to|for it to|for this to|with) (?:the|our|my|his|her|their|[a-z]+)\b/,
  /\b(?:put|added|got|putting|adding) (?:it|this|you|us) (?:on|onto|to) (?:the|our|my|next week's|this week's|[a-z]+'s) (?:[a-z'-]+ ){0,2}agenda\b/,
  /\b(?:been |i've been |i'm |keep )?(?:telling|talking to) (?:everyone|everybody|people|the team|my team|my boss|the others|[a-z]+) (?:[a-z ]{0,20})?about (?:it|this|you|your (?:tool|product|platform))\b/,
  /\bi'm going to (?:bring it up|pitch|present|push for|make the case|champion)\b/,
  /\b(?:case|pitch|argument) i'm going to make to\b|\bi'm going to (?:make|pitch|present) (?:it |this |that )?to (?:our|my|the)\b/,
  /\b(?:i'll|i will)\s+(?:pitch|present|push for|make the case for|champion|sell|fight for|go to bat for) (?:it|this)\b/,
  /\bi'll keep (?:working on|pushing) (?:him|her|them)\b/,
  /\balready showed (?:our|the|your) [a-z ]{1,30} to\b/,
  /\b(?:pitched|presented) it at the\b/,
  // taking it to a group: "I'll take it to the partners' meeting", "I'll bring it up at the board"
  new RegExp(String.raw`\b(?:i'll|i will|i'm going to|let me|she'll|he'll|will)\s+(?:take|bring|present|pitch|raise|put) (?:it|this|the (?:business case|case|proposal|numbers|deck|results|summary|pilot results|trial results))(?: up)? (?:to|at|in front of|with|before) (?:the|our|my|his|her|[a-z]+'s) (?:[a-z']+ ){0,2}(?:${GROUP}|meeting|review)\b`),
];

// someone else's standing authority ("she approves anything over 50k"), not "I'm not signing anything until..."
const APPROVE = verbForms(['sign', 'approve', 'clear', 'sign off', 'sign off on', 'okay', 'authorise', 'authorize', 'rubber-stamp', 'green-light'], ['present']);
export const INSIDER_INFO = [
  /\b(?:signs?|sign off on) (?:anything|everything|all|off|every)\b/,
  /\b(?:final|real|ultimate) (?:call|say|decision|sign-?off|approval)\b/,
  /\bthe decision (?:here )?(?:would be|is|goes to)\b/,
  /\bmakes? the (?:final )?call\b/,
  /\b(?:anything|everything|software|purchases?)\b[^.]{0,30}\b(?:over|above|under) [a-z0-9$£€ ]{1,25}\b(?:goes (?:to|across)|needs|has to|must|requires)\b/,
  /\b(?:goes|go|would go|will go|has to go|needs to go|going) (?:to|across|through|past|before) (?:the|his|her|our|my) (?:[a-z]+ ){0,2}(?:board|committee|desk|cfo|ceo|cpo|coo|cio|cto|md|gm|vp|director|owner|boss|council|panel)\b/,
  /\b(?:has to|have to|needs? to|must) (?:approve|sign off on|sign off|sign|okay) (?:anything|everything|all|any|every)\b/,
  /\bowns? the [a-z ]{0,20}budget\b/,
  // who approves what: "she approves anything over fifty thousand", "he clears capex proposals"
  new RegExp(String.raw`\b(?:${APPROVE}) (?:anything|everything|all|any|every|capex|purchases?|spend|contracts?|budgets?|vendor)\b`),
  /\b(?:budget|money|funding|sign-?off|approval) (?:sits|is|lies|rests) with\b|\bholds? the (?:budget|purse|money)\b|\bfunding (?:for (?:this|it) )?comes from\b|\bneeds? (?:his|her|their) signature\b/,
  // how the buying group works: "the credit committee has to approve...", "the partners meet to approve budgets", "the committee meets on the 21st"
  /\b(?:committee|board|partners|owners(?:' group)?|council|exec(?:utive)? team|leadership team)\b[^.]{0,30}\b(?:has to|have to|must|needs? to|only) (?:approve|sign off|meet|review|vote)\b/,
  /\b(?:committee|board|partners|owners(?:' group)?|council)\b[^.]{0,20}\b(?:meets?|reviews?|votes?|approves?)\b[^.]{0,40}\b(?:on|in|every|each|the first|the second|the third|the last|monthly|quarterly|week|month)\b/,
  /\b(?:budget|capital requests?|capex(?: requests?| proposals?)?|fiscal year|budget planning|budget meeting|budget cycle|budget round)\b[^.]{0,40}\b(?:locked|due|starts?|goes in|go in|gets set|meets?|second week|by [a-z]+|closes?)\b/,
  /\bnotice (?:by|clause)\b|\bgive them notice\b/,
  /\b(?:we|they) (?:looked at|evaluated|trialed|tried) [a-z]+ (?:last|this|two|a)\b/,
  /\bkilled (?:it|a|the|that)\b/,
  /\boffered (?:us )?(?:a |an )?(?:free|discount|twenty|thirty|\d+|[a-z-]+ percent)/,
  /\b(?:between us|just so you know|off the record|i'll tell you straight|i'll be honest with you|to be honest)\b[^.]{0,200}\b(?:decision|cfo|ceo|budget|killed|signs?|approv\w+|competitor|looked at|offered|price|nervous|worried|against)\b/,
  /\bthe one (?:finance|everyone|the board|he|she) listens to\b/,
  // money already approved, standing, and who follows whom
  /\b(?:board|committee|council|partners|exco|leadership) (?:approved|signed off|allocated|set aside|earmarked)\b[^.]{0,40}\b(?:for|budget|line)\b|\b(?:got|was|were|has been) (?:roasted|burned|burnt|grilled|hammered|blamed)\b|\b(?:follows?|will follow|goes with|does|backs) (?:whatever|what) [a-z. ]{1,20} (?:recommends|says|thinks|wants|decides)\b/,
  // other vendors in play: "we're also talking to Zendesk", "their quote came in high", "the incumbent"
  /\b(?:we're|we are|we've been|we have been|i'm|i've been) (?:also|already) (?:talking to|looking at|evaluating|speaking with|trialling|trialing|piloting|getting quotes? from)\b(?! (?:you|your|this|it|that|the (?:demo|numbers|deck|proposal))\b)|\b(?:talking to|looking at|evaluating|speaking with|getting quotes? from) (?:a couple of|two|three|a few|other|some other|another) (?:[a-z]+ )?(?:vendors?|others|competitors|options|providers|suppliers|tools|platforms)\b|\b(?:their|the other) (?:quote|price|proposal|bid) came in\b|\bthe incumbent\b/,
  // politics: "the COO and the CFO don't see eye to eye on this"
  /\b(?:don't|do not|doesn't|never) see eye to eye\b|\b(?:no love lost|bad blood|turf war|political(?:ly)?|politics)\b/,
  /\b(?:trusts|listens to|relies on|defers to|goes by) [a-z]+ on (?:anything|everything|all|most)\b/,
  /\b(?:can|could) (?:say no|veto)\b/,
  /\bput it on my card\b|\bwithout asking anybody\b/,
  /\bpressure from above\b/,
  /\bwants? (?:\w+ )?percent off\b/,
  /\b(?:board's|the) finance committee\b/,
  /\b(?:that's|it's|company) policy\b|\bthree quotes\b|\b(?:needs?|requires?) (?:board|committee|ceo|cfo) approval\b|\bapproval process\b|\bsecurity review (?:takes|before)\b/,
  /\bhe'll believe\b|\bwhat'll move him\b|\bthing that'll move (?:him|her)\b/,
  // how a competitor landed with them: "the drivers hated their app in the trial"
  new RegExp(String.raw`\b(?:${verbForms(['hate', 'love', 'dislike', 'like', 'drop', 'abandon', 'complain about', 'struggle with', 'stop using', 'give up on'])}) (?:their|the other|the competitor's) (?:app|product|tool|system|platform|software|demo|trial|pilot|pricing|interface)\b`),
];

export const PERSONAL_WIN = [
  /\bselfishly\b/,
  /\bfor me,? personally\b|\bpersonally,? (?:i|for me)\b/,
  /\bmy (?:review|bonus|promotion)\b/,
  /\bi(?:'d| would) (?:like|love) (?:my [a-z]+ back|to be the one|to walk into)\b/,
  /\bi want to walk into\b/,
  new RegExp(String.raw`\bi(?:'m| am|'ll be|'d be| will be| would be) the (?:guy|one|person|woman|man) who (?:${verbForms(['fix', 'solve', 'make', 'get', 'bring', 'deliver', 'save', 'turn', 'cut', 'kill', 'stop', 'finally'], ['past'])}|(?:gets?|takes?) (?:blamed|the (?:blame|heat|fall|credit))|(?:has|have) to (?:explain|answer for))\b`),
  /\bthe one who (?:fixed|made|solved)\b/,
  /\bget my [a-z -]+ back\b/,
  // time given back to them: "I got back most of a day a month", "I'd get my evenings back"
  /\bi(?:'ve| have|'d| would|'ll| will)? ?(?:got|get|gets|getting) back (?:[a-z]+ ){0,4}(?:day|days|hours?|time|evenings?|weekends?|nights?|life|sanity)\b/,
  /\bmake me look (?:good|great)\b|\blook good in front of\b/,
  // the number they answer for: "shrink is my number", "this is her number and she wants it fixed"
  /\b(?:it's|this is|that's|is) (?:my|her|his) (?:number|metric|kpi|target|scorecard|neck on the line)\b/,
  /\bwants? (?:to be )?the (?:win|one who)\b/,
  // the one who answers for the problem now: "I'm the one on the phone at two in the morning", "I'm tired of being the guy explaining..."
  /\bi(?:'m| am) the (?:one|person|guy|woman|man) (?:on the phone|who gets (?:the )?(?:calls?|blamed|yelled at|shouted at)|getting (?:the )?calls?|who (?:has|have) to (?:explain|answer|deal|fix|chase))\b|\b(?:tired|sick) of being the\b/,
  // what they want to say or show the people above them: "go into the council meeting able to say...", "I want to show Mr. Lim that..."
  /\b(?:like|want|love) to (?:go into|walk into|stand up)\b[^.]{0,60}\b(?:able to say|and say|and tell)\b|\bfor me,? (?:personally,? )?i (?:want|'d like|would like|just want) to\b|\bon my (?:record|cv|resume|scorecard)\b/,
  /\bi (?:want|'d like|would like|need) to (?:show|prove to|tell) (?:mr\.? |ms\.? |mrs\.? |dr\.? |my |our |the )?[a-z]+ (?:that|what)\b/,
  // the life it gives back: "I'm not the one phoning growers at five any more", "I'd like one lunch break that isn't on the radio"
  /\b(?:i'm|i am|i'd be|i would be) not (?:be )?the one (?:[a-z]+ing|who)\b[^.]{0,60}\bany ?more\b|\bi(?:'d| would)? (?:actually |really |just )?(?:like|love|want) (?:to (?:have |get |take )?)?(?:one |a |my )?(?:[a-z]+ ){0,2}(?:lunch break|weekends?|evenings?|saturdays?|sundays?|holiday|vacation|life back|nights? off)\b|\bsleep through\b/,
  // their career: "I'm up for the director role", "it would help my case for promotion"
  /\b(?:i'm|i am) up for (?:a |the )?(?:promotion|[a-z]+ (?:role|job|position|title))\b|\b(?:my|a) (?:case for )?promotion\b|\bgood for my career\b|\b(?:a|the) feather in my cap\b|\bmake me (?:a|the) hero\b/,
  // a burden they shed: "I'd finally stop being the bottleneck"
  /\b(?:stop|quit) being the (?:bottleneck|bad guy|one who|person who|blocker|roadblock|firefighter|(?:guy|one|person|woman|man) (?:[a-z]+ing|who|that))\b|\bno more (?:late nights|weekends|evenings|chasing)\b/,
];

const GIVE = verbForms(['give', 'send', 'pull', 'share', 'provide', 'assign', 'dedicate', 'free up', 'lend', 'get', 'set up', 'stand up', 'spin up', 'create', 'open', 'grant', 'export', 'put together', 'dig out', 'dig up', 'run', 'carve out', 'set aside', 'block out', 'block off', 'earmark', 'reserve', 'allocate', 'dump', 'load', 'upload', 'commit'], ['base']);
const SET_ASIDE = verbForms(['set aside', 'earmark', 'allocate', 'reserve', 'ring-fence', 'ringfence', 'budget', 'carve out', 'block out', 'free up'], ['past', 'participle']);
const RESOURCE = String.raw`(?:(?:\d+|one|two|three|four|five|six|twelve|eighteen|twenty-four|[a-z]+) (?:months?|weeks?|years?|quarters?) of|time|folder|token|tokens|repo|repos|api keys?|data|export|exports|file|files|history|copy|analysts?|engineers?|people|hours?|access|account|accounts|sandbox|questionnaire|samples?|master|login|logins|environment|budget|vm|vms|server|instance|tenant|bucket|spreadsheet|rules|spend|figures|numbers|transactions|invoices|logs|records|reports?|list|dataset|credentials|an hour with|time with)`;
export const RESOURCE_COMMITTED = [
  new RegExp(String.raw`${WILL}\s+(?:${GIVE})\s+(?:you\s+|us\s+)?[a-z0-9 ,'’-]{0,50}\b${RESOURCE}\b`),
  // shorthand notes: "Lan → 12 mo PO history export (read-only) by Fri 3/13"
  /(?:→|->)\s*(?:[a-z0-9()'/-]+ ){0,6}(?:export|exports|data|history|files?|access|logs|samples?|dataset|extract|sandbox|login|credentials)\b/,
  // notes' "Bronwen to send the leave spreadsheet by Friday"
  new RegExp(String.raw`\bto (?:send|share|pull|provide|give|export|set up)\s+(?:you\s+|us\s+)?[a-z0-9 ,'’-]{0,50}\b${RESOURCE}\b`),
  /\b(?:i|we|she|he)(?:'ll| will| can)\s+have (?:our|my|her|his) [a-z ,]{1,40}(?:set up|build|pull|send|give|run|configure)\b/,
  // someone of theirs put on it: "I'll get Dev to start the integration work on Monday"
  /\b(?:i|we|she|he)(?:'ll| will| can)\s+(?:get|have|ask) [a-z]+ to (?:start|begin|build|set up|pull|send|run|work on|help|configure|install)\b/,
  /\b(?:two|three|four|five|six|seven|eight|\d+|one|a couple|a few) of (?:my|our|her|his) (?:[a-z-]+ )?(?:analysts|engineers|people|team|technicians|staff|nurses|reps|agents|planners|inspectors|scientists|developers|devs|admins|supervisors|guys|folks|clerks|drivers|coordinators|leads|officers|specialists)\b/,
  // any of their people given to it: "I can take three of my surveyors off other work for it"
  /\b(?:can|could|will|'ll|offered to|happy to|going to)\s+(?:take|put|free up|assign|lend|give you|dedicate|pull|bring|send|loan)\s+(?:one|two|three|four|five|six|\d+|a couple|a few) of (?:my|our) [a-z-]+s\b/,
  /\b(?:gave|give|giving) (?:us|you) (?:the [a-z]+ )?[^.]{0,40}\b(?:one|two|three|four|a couple|a few|\d+) of (?:his|her|my|our|their) [a-z-]+s\b|\boffered [a-z]+ (?:\([^)]{0,40}\) )?(?:for )?(?:one|two|three|four|a couple of|a few|\d+) (?:[a-z]+ )?(?:days?|afternoons?|mornings?|hours?)\b/,
  // notes: "offered two inspectors for a four-week pilot", non-native present tense: "I send you the list of the farms"
  /\boffered (?:up )?(?:one|two|three|four|five|a couple of|a few|\d+) [a-z-]+s\b|\bi (?:send|give|share) you (?:the|our|a|my) (?:list|data|file|files|numbers|export|history|records)\b/,
  // their team's time: "I would need two weeks of my team's time for the installation"
  /\b(?:a|one|two|three|four|five|six|\d+|a few|a couple of) (?:days?|weeks?|hours?|months?) of (?:my|our|her|his) (?:team's |people's |engineers' |analysts' )?time\b/,
  /\b(?:committed|agreed|offered) to (?:send|give|provide|loop in|pull|share|assign)\b/,
  /\bloop in (?:her|his|my|our) [a-z ]{1,20}(?:engineer|analyst|team|lead)\b/,
  // people put on it: "we can put a couple of people on it next sprint"
  /\b(?:put|assign|throw|dedicate|give you) (?:a couple of|a few|two|three|four|\d+|one of my|some of my|some|one) (?:[a-z]+ )?(?:people|analysts|engineers|developers|devs|folks|staff|resources|bodies|nurses|agents|reps)\b(?: on| to)?/,
  // money or time already set aside: "I've set aside twenty thousand for the trial", "we have budget earmarked for this"
  new RegExp(String.raw`\b(?:i|we)(?:'ve| have)?\s+(?:already )?(?:${SET_ASIDE})\b[^.]{0,40}\bfor (?:the|this|a|it|your)\b|\b(?:budget|money|funds|funding|time|hours)\b[^.]{0,15}\b(?:${SET_ASIDE})\b[^.]{0,20}\bfor (?:this|it|the|a|your)\b`),
  // named people for set times: "You'll get Rudy and Marisela, two afternoons a week"
  /\byou(?:'ll| will| can) (?:get|have) [a-z]+(?: and [a-z]+)?,? (?:for )?(?:one|two|three|four|a couple of|a few|\d+) (?:[a-z]+ )?(?:afternoons?|mornings?|days?|hours?|hrs|weeks?)\b/,
  // their own calendar given to it: "I'll block out Thursday afternoons for the pilot"
  /\b(?:block|blocking|blocked|clear|clearing|cleared|hold|holding) (?:out |off )?(?:my |our |the team's )?(?:(?:mon|tues|wednes|thurs|fri)days?|mornings?|afternoons?|calendars?|diar(?:y|ies)|a day|a week|time)\b[^.]{0,30}\bfor (?:the|this|a|it|your)\b/,
  // a person of theirs given time for it: "he can free up Sigrid (senior quoting rep) for a couple of afternoons"
  /\b(?:free up|freeing up|lend|loan|release|second) [a-z'-]+(?: [a-z'-]+)?(?: \([^)]{0,40}\))? for (?:a|an|the|two|three|four|a couple of|a few|some|\d+) (?:[a-z]+ )?(?:hours?|days?|afternoons?|mornings?|weeks?|sessions?|sprints?)\b/,
  // a person of theirs named to work with the seller: "Jo will be your point person for the trial"
  /\b(?:will be|'ll be|is going to be|can be) (?:your|the) (?:point person|point of contact|main contact|day-to-day contact|go-to|project lead|project owner|contact)\b/,
];

export const DIRECT_COMMITMENT = [
  /\b(?:let's do (?:it|this)|we're in\b|count us in|you(?:'ve)? got a deal|send (?:me|over|us) the (?:contract|paperwork|order form|msa)|(?:i'll|we'll|i will|we will) (?:sign|move forward|go ahead|take it(?! (?:to|up|back|away|over|from|on|further|with|in)\b)|buy it))\b/,
];

// ---- red flags ---------------------------------------------------------------------------------

/** Putting the next step off to a later event, whatever was asked: "let's pick that up after the merger vote". */
export const DEFERRAL = /\blet's (?:talk|revisit|reconnect|regroup|touch base|pick (?:this|that|it) (?:back )?up|look at (?:it|this|that)|come back to (?:it|this|that)) (?:again )?(?:after|once|when|in the new year|next (?:year|quarter))\b/;

/** Non-answers that are vague whatever the question. */
export const VAGUE_STRONG = /\b(?:it depends|depends on|kind of depends|hard to say|tough to say|difficult to say|sort of|who knows|not sure yet|remains to be seen|up in the air|it varies|varies a lot|hard to pin down|tbd|to be determined|we'll (?:figure|work) it out|anyone's guess|your guess is as good)\b/;
/** A flat non-answer to a direct question ("I don't know. Ask me again in Q2."), but not "about, I don't know, fifteen". */
export const NON_ANSWER = /\b(?:i (?:really |honestly |just )?don't know|no idea|can't say|couldn't say)\b(?![,\s]+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a (?:few|couple|dozen|hundred)|like|maybe|about|around|if|whether|how|what|why|when|exactly))|\bask me (?:again|later|after|in|next)\b/;
/** Softer hedges: a non-answer when they answer a question about timing or next steps. */
export const HEDGE_WEAK = /\b(?:maybe|probably|perhaps|possibly|i don't know|let me think|i'd have to think|we'll see|let's see|let me see how|circle back|get back to you|come back to you|revert|i'll reach out|when i can|when things (?:settle|calm down|quieten down|quiet down)|closer to then|put it in (?:an email|writing)|in writing|shoot me an email|drop me an email|(?:don't|do not) need a (?:call|meeting)|no need for a (?:call|meeting)|send me (?:the|whatever|that|it)[^.]{0,40}(?:first|and we'll)|first\. i'll look|have a look when|i'd rather not|don't want to commit|not (?:yet|right now|until|before)|let's not get ahead|let me check|hold off|we'll figure it out|not a great time|too early|(?:is|'s) no good|i'll let you know|can't promise|cannot promise|no promises|(?:in|after) the new year|(?:in|after|until|till) q[1-4]|(?:until|till|after|wait for) (?:the )?next (?:year|quarter)|send (?:me )?something (?:in|after|later|over)|after the (?:[a-z-]+ ){0,2}(?:move|close|audit|peak|holidays|season|migration|budget round|cutover|busy period|year-end|year end)|let's (?:talk|revisit|reconnect|regroup|touch base|pick (?:this|it) (?:back )?up) (?:again )?(?:after|in|next|once|when|later)|play it by ear|when i get a (?:chance|minute|moment)|(?:next week|this week|that week|friday|monday|the week after) is (?:difficult|tricky|hard|bad|tough|a nightmare)|put it in (?:a proposal|a document|your rfp(?: response)?|the rfp)|(?:don't|do not) need (?:another|a) (?:meeting|call|demo)|we'll find (?:a|some) (?:slot|time|window|gap)|send (?:it|that|this) to [a-z]+ first|(?:flick|drop|shoot|fire|send) me (?:an email|a note|a line|a message)|let's see how (?:the|this|things|it)|tie (?:anyone|anybody|us|myself|people) down|pick (?:that|it|this) (?:back )?up (?:after|in|later|next|once|when)|(?:i'll|i will|we'll) (?:ping|buzz|call|email|text) you\b|get (?:through|past) (?:the )?(?:quarter|month|year)[- ]end|things are (?:hectic|crazy|mad|manic|nuts|busy)|(?:up in the air|tbd|to be determined|hard to pin down))\b/;

/** Faint praise that needs a question about the product to be about the product. */
export const LUKEWARM_CONTEXTUAL = /\b(?:it's|it is|it was|that's|looks|looked|seems|it looks|pretty|they were|they're|they are) (?:\.{3}\s*)?(?:fine|decent|okay|ok|alright|all right|nice|not bad|interesting|reasonable|solid enough|good enough)\b|\b(?:looks|seems|sounds) like it (?:could|might|may) (?:work|help|be useful)\b|\bnice to have\b/;
/** Faint praise of the thing itself, held back with a "but" ("It's a nice demo. But...", "the demo was okay but"). */
export const FAINT_BUT = /\b(?:it|this|they|the (?:demo|product|tool|app|platform|trial|pilot|dashboard|software|system|forecasts?|recommendations?|results?|numbers|ui|[a-z]+ demo))(?:'s| is| was| were| are|\s["“]?looks?| looked| seems?| seemed)(?: like)? (?:a |an )?(?:\.{3}\s*)?(?:fine|decent|okay|ok|alright|all right|nice|not bad|interesting|pretty good|promising)(?: [a-z]+)?["”]?(?:,? (?:but|though|i guess|i suppose)\b|[.!]?\s*$)/;
/** Faint praise in any context ("I'm not against it", "interesting, I guess"). */
export const LUKEWARM_INHERENT = [
  /\bi'm not against it\b|\bnot opposed to it\b/,
  /\b(?:interesting|fine|okay|ok|nice|decent|alright|clever|neat|cool|tidy|useful|handy|sensible|good)\b[^.]{0,40},? i (?:guess|suppose)\b/,
  // damning with faint praise or doubt: "That's what everyone says", "I've seen good stories before", "I can see why Pieter likes it"
  /\bthat's what (?:everyone|everybody|they all|every vendor|all the vendors) (?:says?|said)\b|\bi've seen (?:good|nice|great|plenty of|lots of) (?:stories|pitches|demos|decks) before\b|\bi can see why (?:[a-z]+|you|people|they|others) (?:likes?|loves?|wants?) it\b/,
  /\bbetter than (?:nothing|the spreadsheet|a spreadsheet|the whiteboard|paper)\b|\bput it that way\b|\blooks? (?:sensible|tidy|nice|good|decent|fine|solid) enough\b|\blooks? sensible\b|\b(?:it's|that's) all right, eh\b/,
  /\bi (?:just )?don't know if (?:it's|this is|that's|now is) (?:the right time|for us|a priority|worth it|the right fit)\b|\bi don't know that (?:it's|this is|that's) (?:a big|much of a|that much|really)\b/,
  /\b(?:is|'s|looks?|seems?) (?:nice|good|decent|fine|tidy|solid|okay|ok|clever) enough\b|\bi've seen (?:shinier|better|slicker|fancier|prettier|flashier)\b|\b(?:that's|it's) not nothing\b/,
  /\b(?:bit of a |more of a |just a |a )?nice[- ]to[- ]have\b/,
  /\bi guess it's (?:fine|okay|ok|interesting)\b/,
  /\b(?:fine|okay|ok|alright|decent|not bad),? i suppose\b|\bmeh\b/,
  /\bit's still a good product\b[^.]{0,10}|\b(?:the )?product is fine\b/,
  /\bit looks like every [a-z ]{1,30}(?:pitch|demo|vendor)\b/,
  /\bnot (?:sure|convinced)\b[^.]{0,30}\b(?:a priority|a must|needed|necessary|worth it|for us|the right time|now is the time|the time|right now)\b/,
  // sarcasm: "Oh great, another app for people to forget their password to"
  /\b(?:oh (?:great|good|joy|wonderful|brilliant|lovely)|just what (?:we|i) need(?:ed)?|yay)\b[^.]{0,15}\banother\b/,
  /^\W*(?:mixed|so-so)\b|\bmixed (?:feelings|reviews|bag|results|reaction)\b|\b(?:it's|it was|reaction was|feedback was|reactions were) mixed\b/,
  /\bevery [a-z ]{1,20}(?:vendor|rep|tool|demo) says that\b|\bi've seen (?:slick|good|nice|plenty of|a lot of) demos\b/,
];

/** Keeping the seller from the decision maker, whatever was asked. */
export const INTRO_RELUCTANCE = [
  // "let me take it to Anita myself", "let me keep her updated myself" (but "I'll bring you myself" brings the seller)
  /\b(?:let me|i'd rather|i'll|i will|i want to|i'd prefer to|i'd like to)\s+(?:take|bring|run|work on|handle|brief|pitch|keep|update|walk|present|deal with|talk to|manage|table|raise|put)\b(?! (?:you|us)\b)[^.]{0,40}\bmyself\b/,
  /\b(?:doesn't|does not|don't|won't|never) (?:really )?(?:take|do|like|love|want) (?:vendor|sales) (?:calls|meetings|pitches)\b/,
  /\bhates (?:vendor (?:calls|meetings|pitches)|being sold to)\b/,
  /\bleave [a-z. ]{1,30} to me\b|\blet me handle (?:him|her|them)\b/,
  /\bsend it to me,? not to (?:him|her|them)\b/,
  /\bi'll just (?:forward|pass) (?:him|her|them|it)\b[^.]{0,40}/,
  /\b(?:i wouldn't|i won't|i'm not going to|i'd rather not|i'm not ready to|not ready to) (?:take|bring|show|put|send|forward) (?:it|this|that|you) (?:to|in front of|before) (?:him|her|them|our|my|the)\b/,
  /\b(?:he|she|they)(?:'s|'re| is| are) (?:too busy|slammed|swamped)\b/,
  /\b(?:not|wasn't|isn't|wasn't really) keen on (?:bringing|introducing|looping|involving|putting)\b/,
  // "I'd rather keep her out of it", "she doesn't meet with vendors, I'll relay anything you need"
  /\bkeep (?:him|her|them|[a-z]+) out of (?:it|this|the loop|the conversation)\b/,
  // "Leave Bernadette with me, we'll sort it out internally", "Don't go to her yet", "Let me see where his head is at first"
  /\bleave (?:him|her|them|(?!(?:that|it|this|those|everything|the rest)\b)[a-z]+) (?:with|to) me\b|\b(?:sort|handle|deal with) (?:it|this|that|her|him) (?:out )?internally\b|\bdon't go (?:to|around|over|near) (?:her|him|them|[a-z]+)\b|\bi'll (?:deal with|handle|manage) (?:him|her|them)\b|\blet (?:me|us|[a-z]+ and me) pick the (?:moment|time)\b|\blet me see where (?:his|her|their) head is\b|\bi'd rather (?:bring|take|show) (?:him|her|them) [^.]{0,30} than (?:bring|take|introduce)\b/,
  /\b(?:i|we) (?:don't|do not|never) do (?:[a-z-]+ )?(?:meetings|calls|demos|presentations) with (?:vendors|suppliers|sales(?:people)?)\b|\b(?:doesn't|does not|don't) take presentations from (?:suppliers|vendors)\b/,
  /\b(?:doesn't|does not|don't|won't|wouldn't|never) (?:really |usually |normally )?(?:meet|talk|speak|deal) (?:with|to) (?:vendors|suppliers|sales(?:people| reps)?|salespeople|reps)\b/,
  /\b(?:i'll|i will|i can|let me) (?:relay|pass (?:on|along)|feed back)\b(?! (?:the |an? )?(?:intro|introduction|invite))/,
];
/** A hedge or refusal that keeps the seller out when it answers a question about meeting someone. */
export const RELUCTANCE_IN_ANSWER = [/\b(?:he's|she's|they're|he is|she is|they are) (?:busy|tied up|flat out|travelling|traveling|away|swamped|neck-deep|snowed under|buried|up to (?:his|her|their) eyes)\b|\bnot the right time\b/, /\b(?:i'll|i will|i can|let me) (?:mention|float|run|raise) (?:it|this|that|you) (?:to|by|past|with) (?:him|her|them)\b/, /\bi'll (?:just )?(?:forward|pass) (?:him|her|them|it)\b/, /\bi wouldn't\b/, /\bnot (?:yet|until|before|right now|now)\b/, /\b(?:i'd|i would) (?:hold off|rather not|wait)\b/, /\bhold off\b/, /^(?:no|nah|nope)\b(?![,.]? (?:yeah|yes|problem|worries|question|doubt))/];

export const CHAMPION_AT_RISK = [
  /\bmy (?:role|job|position|team|department) (?:is|was|'s) (?:being )?(?:folded|eliminated|cut|moved|merged|restructured|reorg\w*|going away|changing)\b/,
  /\bre-?org(?:anization|anized|ed|ing)?\b/,
  /\bi won't own (?:this|it)\b/,
  /\bi(?:'m| am) (?:leaving|moving on|stepping down|transferring)\b/,
  /\bmy last day\b/,
  /\b(?:they )?(?:put|moved|pulled|assigned) me (?:on|onto|to) (?:the|a)\b/,
  /\b(?:she's|he's|she has|he has|i've|i have|has|have) been (?:moved|pulled|reassigned|put|seconded|transferred) (?:to|onto|on|off)\b/,
  /\b(?:won't|don't|doesn't|will not|do not) have (?:much |any )?time for (?:this|it)\b/,
  /\bon top of (?:payroll|my (?:day )?job|my day|everything)\b/,
  /\bhalf of somebody else's job\b/,
  /\bi(?:'m| am) not the one (?:he|she|they)(?:'s|'re| is| are)? listening to\b/,
  /\b(?:being|getting) (?:replaced|laid off)\b|\blayoffs\b/,
  /\b(?:handed|handing|put|putting) in my notice\b|\bi(?:'ve| have)? resign(?:ed)?\b|\bi(?:'m| am) (?:finishing|off|out|gone) (?:at the end of|on|next|in)\b|\bmy last (?:day|week|month)\b/,
  /\b(?:going on|starting|taking|be on|off on) (?:parental|maternity|paternity|medical|extended|sick|long-term|garden) leave\b|\bsabbatical\b/,
  /\b(?:restructur\w+|reorganis\w+|reorganiz\w+|downsiz\w+|merg\w+) (?:my|our) (?:department|team|group|division|function|unit|org)\b|\bwhere i(?:'ll)? (?:land|end up)\b/,
  /\bi(?:'ve| have)? been offered (?:a|an) (?:[a-z-]+ )?(?:role|job|position)\b|\b(?:accepted|taken|took|got) (?:an? )?(?:[a-z-]+ )?(?:offer|job|role|position) (?:elsewhere|at|with|somewhere)\b|\b(?:maternity|paternity|parental) leave from\b|\b(?:leaving|quitting) (?:the company|the business|the firm)\b/,
  // overloaded by the day job: "I'm stretched thin", "three other projects on my plate"
  /\b(?:stretched|spread) (?:too |really |very |pretty )?thin\b|\b(?:too much|a lot|so much|three|four|five|other [a-z]+) (?:[a-z]+ ){0,3}on my plate\b|\b(?:no|zero|limited|not much) bandwidth\b|\b(?:i'm|i am) (?:drowning|underwater|maxed out)\b/,
  /\bnot (?:exactly )?(?:his|her|their|the [a-z]+'s) favou?rite (?:person|people)\b|\bquestion mark over me\b|\bon thin ice\b|\bin the doghouse\b|\bretir(?:es|ing)\b(?! (?:the|our|their|it|this|that|a|an|old)\b)/,
  /\b(?:starting|taking|moving to) a (?:new|different) (?:role|job|position)\b|\bwhile i'm (?:out|away|off|on leave)\b|\bcovering (?:for me|the project while)\b/,
];

export const BLOCKER = [
  /\b(?:i'm|i am|we're|we are) not (?:signing|approving|going to sign|buying)\b[^.]{0,80}\bunless\b/,
  /\b(?:won't|will not|wouldn't|not going to|isn't going to|refuses? to) (?:approve|sign|buy|sign off on|agree to|support|move)\b[^.]{0,60}\bunless\b/,
  /\b(?:don't|do not|doesn't) need (?:another|a new|this|more) (?:tool|system|platform|vendor|product|app|software|project)\b/,
  /\bunless the (?:total )?(?:rate|price|cost)\b/,
  /\bwants? (?:\w+ )?percent off\b/,
  /\bnot a negotiating position\b|\bnon-?negotiable\b|\bdeal-?breaker\b|\b(?:are|is|'s|'re) not negotiable\b|\bnot (?:a |up for )?negotiat\w+\b/,
  // an ultimatum: "..., or we're not having this conversation", "..., or it goes to open tender"
  /\bor (?:we're|we are) not (?:having this conversation|doing this|going ahead|interested|buying)\b|\bor (?:it|this) goes (?:to|out to) (?:an? )?(?:open )?tender\b|\bor (?:there's|there is) no deal\b/,
  /\bi(?:'m| am) not (?:running|doing|starting|signing|approving) (?:a tender|it|this|that)\b[^.]{0,30}\b(?:in|for|this|before|until)\b/,
  /\bi(?:'m| am) not (?:approving|signing|buying|paying for|signing off) (?:another|any more|any other)\b/,
  /\bunless\b[^.]{0,100}\b(?:i'm|i am|it's|that's|we're) a (?:no|hard no|firm no)\b/,
  // hard conditions: "we will only consider it if you come in at or below the current contract"
  /\b(?:will|would|'ll) only (?:consider|sign|approve|buy|look at|move forward|go ahead|entertain)\b[^.]{0,60}\bif\b/,
  /\bnot something (?:i|we) (?:can|will|could) (?:move|budge|bend|negotiate) on\b|\b(?:won't|will not|can't|cannot) (?:budge|move|bend) on (?:that|this|it|price|terms)\b/,
  /\bwe(?:'re| are) overcomplicating\b|\bthat's not a reason to\b|\bwe don't need (?:this|it|another)\b|\bwaste of (?:money|time)\b/,
  /\bi(?:'m| am| will|'ll|'d) (?:veto|block|oppose) (?:it|this|that|the (?:deal|purchase|contract|project|proposal|change))\b|\bover my dead body\b|\bi'm against (?:it|this)\b/,
  // arguing against the change itself: "I don't see why we'd switch, what we have works fine"
  /\b(?:i )?(?:don't|do not|can't|cannot) see (?:why|the (?:need|point|case)|a (?:need|reason)) (?:we'd|we would|we should|we need|to|for) (?:switch|change|move|replace|bother|buy|spend|do (?:this|it))\b|\bwhat we have (?:now |today )?works(?: fine| well| just fine)?\b(?![^.]{0,40}\bbut\b)|\bif it ain't broke\b|\b(?:i'm|i am|i'll be|i will be|i'm going to be|i'm going to) push(?:ing)? back (?:on|against) (?:this|it|the (?:deal|purchase|proposal|change))\b|\b(?:recommend|argue|argued|vote|voted) against (?:it|this|the (?:deal|purchase|proposal|change))\b/,
];

// ---- questions the seller asks ----------------------------------------------------------------

/**
 * The decision put hypothetically in one buyer's hands, in the second person (the seller asking)
 * or the third (typed notes: "I asked her what she'd do if it were purely her decision").
 */
const HANDS = String.raw`(?:you|her|him|them)`;
const POSS = String.raw`(?:your|her|his|their)`;
const FULLY = String.raw`(?:entirely |totally |purely |completely |only |just |solely |all |fully |really |a hundred percent |one hundred percent |100% |100 percent )?`;
export const TEST_HYPOTHETICAL = new RegExp(
  [
    String.raw`\bif (?:it|this|that|the decision|the call) (?:were|was|is|came) ${FULLY}(?:up to|down to|left to|on) ${HANDS}\b`,
    String.raw`\bif (?:it|this|that|the decision) (?:were|was|is) ${FULLY}${POSS} (?:own )?(?:call|decision|choice|money|budget|signature|say|purchase)\b`,
    // "If Plinth were your purchase alone", "if the budget line was yours", "in your own hands", "nobody to answer to",
    // "only your name on the purchase order, nobody downtown to clear it with"
    String.raw`\bif [a-z]+(?: [a-z]+){0,2} (?:were|was|is) ${FULLY}(?:${POSS} (?:own )?(?:purchase|decision|call|choice|budget|money|signature)|yours|hers|his|theirs)\b`,
    String.raw`\bin (?:your|her|his|their) (?:own )?hands\b|\b(?:nobody|no one|no-one) to answer to\b|\bonly (?:your|her|his|their) name on (?:it|the)\b|\b(?:nobody|no one|no-one)(?: [a-z]+)? to (?:clear|check|run) it (?:with|past|by)\b`,
    // shorthand: "if 100% his call", "if purely her decision"
    String.raw`\bif (?:(?:100|a hundred|one hundred) ?(?:%|percent) |purely |entirely |totally |solely |only )${POSS} (?:own )?(?:call|decision|choice|money|budget)\b`,
    String.raw`\b(?:imagine|pretend|say) (?:it's|it is|it were|it was) ${POSS} (?:call|decision|choice|money|budget)\b`,
    String.raw`\bif (?:nobody|no one|no-one) else (?:had|got|has|gets|was|were) (?:a )?(?:vote|say|involved|deciding)\b`,
    String.raw`\b(?:nobody|no one|no-one) else (?:involved|had a vote|has a vote|in the picture|weighing in|deciding|to answer to|at the table)\b`,
    String.raw`\b(?:nobody|no one|no-one) (?:above|over) ${HANDS}\b`,
    String.raw`\bif (?:you|she|he|they) (?:were|was) (?:the only (?:one|person|decision maker)|calling the shots|in charge|the decision maker|the one deciding|deciding alone|king|queen|the boss|the buyer)\b`,
    String.raw`\bif (?:you|she|he|they) (?:had|held|owned|controlled) (?:a magic wand|the final say|sole say|the only say|the say|the last word|the only vote|full authority|sole authority|the pen|the budget|the chequebook|the checkbook|the keys|the money|(?:this|the|that) (?:decision|call|choice))\b`,
    String.raw`\b(?:setting|set|putting|put|leaving|leave|forget(?:ting)?|ignoring|ignore) (?:[a-z,.'’-]+ ){0,8}(?:aside|for a (?:second|minute|moment)|out of (?:it|this|the picture))`,
    String.raw`\b(?:only|just|purely|entirely|solely) (?:up to|down to) ${HANDS}\b`,
    String.raw`\b(?:came|comes|come|to come) down to (?:just |only )?${HANDS}\b|\b(?:rested|rests|sat|sits|lay|lies) (?:with|on) ${HANDS}\b`,
    String.raw`\b(?:nobody|no one|no-one) (?:could|can|would|was going to) (?:overrule|veto|override|stop|block|second-guess) ${HANDS}\b`,
    String.raw`\b(?:nobody's|no one's|no-one's|nobody else's|no) (?:approval|sign-?off|permission|say-?so) (?:needed|required|involved)\b|\bput it on (?:the|your|her|his|a) (?:corporate |company )?(?:card|credit card|amex)\b`,
    String.raw`\b(?:suppose|supposing|imagine|pretend|say|let's say) (?:it|this|that|the decision) (?:were|was|is) ${FULLY}(?:${POSS}|all ${POSS}|yours|hers|his)\b`,
    String.raw`\bthe one (?:holding|with|controlling) the (?:purse strings|pen|budget|chequebook|checkbook|money)\b`,
    String.raw`\b${POSS} (?:call|decision|choice|budget) alone\b|\b(?:yours|hers|his|theirs|you|her|him) alone\b`,
    String.raw`\bif (?:it|this|that|the decision|the call|the choice) (?:were|was|is) ${FULLY}(?:yours|hers|his|theirs)\b`,
    String.raw`\bif (?:you|she|he|they) (?:were|was) (?:making|taking) (?:the|this) (?:call|decision)\b|\bon (?:your|her|his|their) own\b`,
    String.raw`\bjust ${POSS} (?:signature|call|decision|say|money)\b`,
    String.raw`\bif (?:you|she|he|they) (?:were|was) the (?:one|person) (?:signing|deciding|paying|buying|choosing|holding the pen)\b`,
    String.raw`,\s*(?:nobody|no one|no-one) else\s*[,?]|\bhand on heart\b`,
    String.raw`\byour call\b|\byour decision\b|\bjust you\b`,
  ].join('|'),
);
/** The hypothetical's question: would they go ahead? */
export const TEST_WOULD = /\bwould (?:you|she|he|they)\b|\b(?:you|she|he|they)(?:'d| would)\b|\bwill you\b|\bwould that be a yes\b|\bis (?:this|it|that) a (?:yes|go)\b|\b(?:do|did) you (?:go|buy|sign|move|pick|roll|say yes)\b|\bsomething (?:you|she|he)(?:'d| would)? push for\b|\byes or no\b|\bdo we have a deal\b|\bare (?:you|we) in\b|\bgo or no[- ]go\b|\bin or out\b|\bgo\/no[- ]go\b/;

export const OPINION_QUESTION = /\b(?:how (?:does|did|do|would|has|have|is|was) (?:that|it|this|the [a-z]+|things?) (?:land|landed|look|looked|feel|felt|sound|go|gone|been|going)|how's (?:it|that|the [a-z]+) (?:been|going|looking)|what did you make of|how (?:are|were|is|was|did) (?:you|your [a-z]+|they|the [a-z]+) (?:finding|find|like|liking|getting on)|did (?:you|the team|your team) like|what(?:'s| is| was) your (?:reaction|take|read|impression|first impression|feedback|thoughts?|gut)|what do you think|what did you think|where did you land|how do you feel|how are you feeling|thoughts\?|what did the [a-z ]+ think|what changed)\b/;
export const WHY_QUESTION = /(?:^|\b)(?:why\?|can i ask why|why would you|what's the outcome|what would (?:it|that|this) (?:mean|do) for|what's in it for you|why does (?:it|this) matter)/;
export const TIMING_QUESTION = /\b(?:book (?:the|a|an|in|it|that|some|time)|in the diary|set a date|pin down (?:a|the)|when (?:should|can|could|would|do|will) (?:we|you)|sensible next step|(?:a|another) (?:short |quick |brief |follow-up |second |working |[a-z-]+ )?(?:session|call|meeting|demo|workshop|walkthrough|review)\b|timeline|timing|schedule|pencil|calendar|reconnect|check[- ]in|follow[- ]up|next steps?|get together|find a time|set up a (?:call|meeting|time)|sit down|sat down|sitting down|does that work|works for you|meet (?:again|next)|a call with|on that yourself|a time next week)\b/;
export const INTRO_QUESTION = /\b(?:bring(?:ing)? [a-z. ]{1,30} (?:in|into|along)|get(?:ting)? (?:some |[a-z0-9]+ )?(?:time|min(?:ute)?s?|a meeting|a call|an intro) (?:with|w\/ ?[a-z]+|on)|talk(?:ing)? to (?:your|him|her|them|[a-z]+)|speak(?:ing)? (?:to|with) (?:your|him|her|them|[a-z]+)|present(?:ing)? to|meet(?:ing)? (?:with )?(?:your|him|her|them|[a-z]+)|met with|in a room (?:with|together)|in front of|get (?:me|us) (?:time with|a meeting with)|introduce|on (?:a|our next) call|get(?:ting)? [a-z. ]{1,20} on (?:a|our|the) (?:call|calendar)|walk(?:ed)? [a-z. ]{1,20} through|anybody else i should be talking to|anyone else we should bring|still send that email|make that happen)\b/;
export const PROPOSAL = /\b(?:let's|let us|i'd suggest|how about|what if we|could we|should we|shall we|can we|would it make sense|does that work|how does [a-z]+ (?:work|sound))\b/;

// ---- answers ------------------------------------------------------------------------------------

export const LEADING_FILLER = /^(?:(?:honestly|well|so|look|i mean|um+|uh+|oh|okay|ok|hmm+|mm+|to be honest|frankly|you know what|you know|yeah, no|right|truthfully|candidly|for what it's worth|to be fair|gosh|wow)[,.!?…\s]+)+/;
export const ANSWER_YES = /^(?:(?:ja|jah|yebo|oui|sí|si|haan)\b(?:,? no\b)?|can lah\b|can,? can\b|nah,? yeah\b|(?:tomorrow|today|right now|yesterday|in a second)[.!]|in[.!]|in,? (?:definitely|absolutely|for sure|100)|(?:i'd|i would|we'd|we would) have (?:signed|bought|said yes|done it|gone ahead|moved)\b|(?:it's|that's) a (?:yes|definite yes|clear yes|hard yes|strong yes|resounding yes)\b|(?:we'd|we would|you'd|you) (?:have|have got|'ve got) a deal\b|deal\b[.!]|(?:i'd|i would|i) (?:never|not) say no\b|i wouldn't say no\b|how could i say no|yes|yeah|yep|yup|aye|absolutely|definitely|certainly|100%|100 percent|a hundred percent|one hundred percent|for sure|in a heartbeat|without (?:a )?(?:doubt|hesitation|question)|no question|no doubt|no-?brainer|i would\b|i'd (?:sign|do it|buy|move|go|back it|push)|i (?:absolutely|definitely|certainly) would\b|we would\b|totally|of course|sure\b|(?:hell|heck|oh) (?:yes|yeah)|too right|dead right|damn right|you bet|count (?:me|us) in|i'm in\b|we're in\b|straight away|instantly|easily)/;
export const ANSWER_NO = /^(?:out[.!]|no\b(?!,? (?:question|doubt|brainer|hesitation|yeah|yes))|nope\b|not (?:right now|this year|yet|today|at this point|really|now)|not (?:at|for|with) (?:this|that|these|those|the current|your|today's) (?:price|pricing|cost|rate|terms|numbers)|(?:i'd|i would|we'd|we would) (?:pass|say no|walk away)\b|(?:i'd|i would|we'd|we would) (?:probably |likely |still )?(?:stick|stay) with\b|i wouldn't\b|i would not\b|probably not\b|i don't think so\b|not a chance\b|nah\b)/;
export const ANSWER_HEDGE = /\b(?:i would and i wouldn't|yes and no|probably|maybe|leaning|inclined|most likely|likely|in theory|in principle|i think so|possibly|perhaps|kind of|sort of|i guess|depends|it depends|as long as|but\b|though\b|i'd want to see|i'd need|we'd need|would need|not sure|hard to say|ask me (?:after|later|again)|if the\b|if they\b|assuming|provided (?:that|we)|on (?:the )?condition|i don't know)/;
export const ACCEPT_START = /^(?:yes|yeah|yep|sure|perfect|great|works|that works|sounds good|deal|let's do it|absolutely|ok(?:ay)?,? (?:that|works|sounds)|see you then)/;
