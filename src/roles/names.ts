/** How documents write the name of a boss: a post and its deputy together (客服主管/副主管, 客户服务经理、副经理). */
const POST_AND_DEPUTY = /\s*[/／、]\s*(?=副)/u;

/** The post a boss's name stands for (客服主管/副主管 → 客服主管); the name itself when it names one post. */
export function mainPost(name: string): string {
  const [first, ...rest] = name.split(POST_AND_DEPUTY);
  return rest.length && first.trim() ? first.trim() : name;
}
