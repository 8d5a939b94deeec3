import { chance, pick, skewed } from '../random'
import type { TNameTradition, TNameUnit } from './name'

/*
 * Chinese names in Han characters: family name first, then a given name of one or two characters. Latin spellings
 * differ by system and region (pinyin Zhang, Wade-Giles Chang, Cantonese Cheung) and by how the two given-name
 * syllables are joined (Weiming, Wei-Ming, Wei Ming).
 */

/** Common family names (shared by millions: never anyone's identity) with their romanizations. */
const FAMILY: readonly TNameUnit[] = [
  ['王', 'Wang', 'Wong', 'Ong'],
  ['李', 'Li', 'Lee', 'Lei'],
  ['张', 'Zhang', 'Chang', 'Cheung'],
  ['刘', 'Liu', 'Lau', 'Lao'],
  ['陈', 'Chen', 'Chan', 'Tan'],
  ['杨', 'Yang', 'Yeung', 'Yong'],
  ['黄', 'Huang', 'Wong', 'Ng'],
  ['赵', 'Zhao', 'Chao', 'Chiu'],
  ['吴', 'Wu', 'Ng', 'Goh'],
  ['周', 'Zhou', 'Chow', 'Chou'],
  ['徐', 'Xu', 'Hsu', 'Tsui'],
  ['孙', 'Sun', 'Suen'],
  ['马', 'Ma', 'Mah'],
  ['朱', 'Zhu', 'Chu', 'Choo'],
  ['胡', 'Hu', 'Wu', 'Oh'],
  ['郭', 'Guo', 'Kuo', 'Kwok'],
  ['何', 'He', 'Ho'],
  ['林', 'Lin', 'Lam', 'Lim'],
  ['高', 'Gao', 'Kao', 'Ko'],
  ['罗', 'Luo', 'Lo', 'Law'],
]

/** Characters common in given names, with pinyin and Wade-Giles spellings. */
const GIVEN: readonly TNameUnit[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing', 'ching'],
  ['丽', 'li'],
  ['强', 'qiang', 'chiang'],
  ['磊', 'lei'],
  ['军', 'jun', 'chun'],
  ['洋', 'yang'],
  ['勇', 'yong', 'yung'],
  ['艳', 'yan', 'yen'],
  ['杰', 'jie', 'chieh'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀', 'xiu', 'hsiu'],
  ['霞', 'xia', 'hsia'],
  ['平', 'ping'],
  ['刚', 'gang', 'kang'],
  ['英', 'ying'],
  ['华', 'hua'],
  ['文', 'wen'],
  ['建', 'jian', 'chien'],
  ['国', 'guo', 'kuo'],
  ['玉', 'yu'],
  ['兰', 'lan'],
  ['红', 'hong', 'hung'],
  ['海', 'hai'],
  ['婷', 'ting'],
]

const SYLLABLE_JOINS: TNameUnit = ['', '', '-', ' ']

export const CHINESE: TNameTradition = {
  script: 'Hani',
  familyFirst: true,
  nativeSeparator: '',
  given: (random) => {
    const first = pick(random, GIVEN)
    return chance(random, 0.25) ? [first] : [first, SYLLABLE_JOINS, pick(random, GIVEN)]
  },
  family: (random) => [skewed(random, FAMILY, 2)],
}
