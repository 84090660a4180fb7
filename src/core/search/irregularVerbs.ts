// Irregular past forms the Porter stemmer leaves alone, mapped to the present, so that
// "met" matches "meeting" and "spoke" matches "speak" in paraphrases.
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  `met:meet said:say told:tell spoke:speak spoken:speak sent:send went:go gone:go came:come
  took:take taken:take gave:give given:give made:make saw:see seen:see knew:know known:know
  thought:think brought:bring bought:buy held:hold led:lead left:leave won:win began:begin
  begun:begin wrote:write written:write found:find became:become grew:grow grown:grow
  fell:fall fallen:fall kept:keep stood:stand sought:seek struck:strike drew:draw drawn:draw
  rose:rise risen:rise shot:shoot paid:pay laid:lay meant:mean felt:feel heard:hear lost:lose
  built:build spent:spend sold:sell chose:choose chosen:choose broke:break broken:break
  ran:run fought:fight taught:teach caught:catch forgot:forget got:get
  understood:understand withdrew:withdraw`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);
