/**
 * What a sentence about a post states: its superior (`在X领导下`, `向X汇报`, `归X管`, `reports to X`), its other
 * names (`也叫X`, `俗称“X”`, `正式名称叫X`), the posts it leads (`带领X`), and whether it states a requirement.
 */
import { looksLikeAnyTitle } from './vocab.js';

const GENERIC = /^(上级|领导|公司|部门|有关|相关|各|本|该|其|所在|直接)|^(主管|经理|领导)$/;

const SUPERIOR: RegExp[] = [
  /在([^,。;在]{2,16}?)的?(?:直接)?(?:领导|指导|带领|安排|管理|督导)下/g,
  /向([^,。;向]{2,16}?)(?:直接)?(?:负责|汇报|报告)/g,
  /对(?![应于此其])([^,。;对]{2,16}?)负责/g,
  /接受([^,。;]{2,12}?)的(?:指令|领导|指示|管理)/g,
  /(?:归|听从?|受|由|隶属于?)([^,。;归听受由]{2,16}?)(?:的)?(?:直接)?(?:管理?|安排|领导|指挥|调度|调配)/g,
  /(?:直属|直接)?(?:上级|主管|领导)(?:为|是)([^,。;]{2,16}?)(?=[,。;]|$)/g,
  /reports?(?:ing)? (?:directly )?to (?:the )?([A-Za-z][A-Za-z &-]{2,40}?)(?=[,.;]|$| and )/gi,
];

/** The superior a text names, if it names a post. */
export function superiorIn(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const re of SUPERIOR) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1].replace(/\([^)]*\)/g, '').replace(/^(?:公司|本店|门店|本部门)/, '').trim();
      if (!looksLikeAnyTitle(name) || GENERIC.test(name) || /[及和与、]/.test(name)) continue;
      if (!best || m.index < best.at) best = { at: m.index, name };
      break;
    }
  }
  return best?.name ?? null;
}

const ALIAS = /(?:也叫|又叫|又称|也称|亦称|俗称|简称|统称|正式名称(?:叫|为|是)?|正式叫法(?:是|为)?|就是)\s*["“「『]?([^"”」』,。;]{1,24})/g;

/** Other names a sentence gives the post: `也叫主厨或掌勺` → 主厨, 掌勺; `就是切配岗` → 切配. */
export function aliasesIn(text: string): string[] {
  const out: string[] = [];
  ALIAS.lastIndex = 0;
  for (let m = ALIAS.exec(text); m; m = ALIAS.exec(text)) {
    for (let part of m[1].split(/或者|或|、|和|\//)) {
      part = part.replace(/["“”「」『』]/g, '').replace(/(岗位?|这个岗|一职)$/, '').trim();
      if (part.length >= 2 && part.length <= 8 && /^[\p{Script=Han}A-Za-z]+$/u.test(part)) out.push(part);
    }
  }
  return [...new Set(out)];
}

/** Posts the text says this post leads: `带领客服管家完成…` → 客服管家. */
export function ledIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:带领|下辖|统领|管理着)([\p{Script=Han}A-Za-z]{2,10})/gu)) {
    for (let n = Math.min(m[1].length, 8); n >= 2; n--) {
      const name = m[1].slice(0, n);
      if (looksLikeAnyTitle(name) && !GENERIC.test(name)) {
        out.push(name);
        break;
      }
    }
  }
  return out;
}

/** A sentence that states a requirement of the post holder (education, experience, certificates). */
export const REQUIREMENT = /要求|学历|以上学历|经验|持有?.{0,8}证|证书|资格|优先|身体健康|年龄|专业(?:毕业)?|本科|大专|中专|高中|初中|硕士|degree|experience|required|preferred|certificate|qualification/i;

/** The superior a short sentence exists to state (`该岗位向店长汇报`, at most maxLength characters): no duty. */
export function reportingLineOf(s: string, maxLength: number): string | null {
  return s.length <= maxLength ? superiorIn(s) : null;
}
