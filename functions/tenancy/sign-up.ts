import {
  CURRENT_LIST,
  DISTRICT_LEVEL_LAST_DAY,
  findLocality,
  findProvince,
  successorCommunes,
  successorProvince,
  type Locality,
  type ProvinceUnit,
} from '../../shared/localities/index.js';
import type { FieldError } from '../../shared/problem.js';
import { vietnamToday } from '../../shared/rollups/counters.js';
import type { SignUpRequest } from '../../shared/tenancy/schema.js';
import { ProblemError } from '../http/problem.js';

const fieldError = (field: 'provinceCode' | 'localityCode', code: string, vi: string, en: string): FieldError => ({
  field,
  in: 'body',
  code,
  message_vi: vi,
  message_en: en,
});

/**
 * Sign-up offers the current list only: a commune-level unit (5-digit code) of a province of the
 * 34. A 2025 district asked after 30/06/2025 is refused with where its records continue.
 */
export function signUpLocality(body: Pick<SignUpRequest, 'provinceCode' | 'localityCode'>, now: Date): { province: ProvinceUnit; locality: Locality } {
  const locality = findLocality(body.localityCode);
  if (locality?.level === 'district' && vietnamToday(now) > DISTRICT_LEVEL_LAST_DAY) throw districtEnded(locality);
  const province = findProvince(body.provinceCode, CURRENT_LIST);
  if (!province) {
    const successor = successorProvince(body.provinceCode);
    const successorName = successor ? findProvince(successor)?.name : undefined;
    throw new ProblemError('validation', undefined, [
      successorName
        ? fieldError(
            'provinceCode',
            'province-merged',
            `Tỉnh này đã hợp nhất vào ${successorName} từ 01/07/2025; hãy chọn ${successorName}`,
            `This province merged into ${successorName} on 01/07/2025; choose ${successorName}`,
          )
        : fieldError('provinceCode', 'unknown-province', 'Không có tỉnh/thành phố với mã này', 'No province with this code'),
    ]);
  }
  if (locality?.level !== 'commune' || locality.provinceCode !== province.code) {
    throw new ProblemError('validation', undefined, [
      fieldError(
        'localityCode',
        'not-in-province',
        `Xã, phường này không thuộc ${province.name} trong danh mục hiện hành`,
        `This commune or ward is not in ${province.name} in the current list`,
      ),
    ]);
  }
  return { province, locality };
}

function districtEnded(district: Locality): ProblemError {
  const successors = successorCommunes(district.code);
  const provinceCode = successorProvince(district.provinceCode);
  const provinceName = provinceCode ? (findProvince(provinceCode)?.name ?? '') : '';
  const names = successors.map((l) => l.name).join(', ');
  return new ProblemError(
    'locality-ended',
    {
      vi: `${district.name} đã kết thúc hoạt động từ 01/07/2025 (chính quyền địa phương hai cấp). Hồ sơ của đơn vị được tiếp tục bởi các xã, phường của ${provinceName}${names ? `: ${names}` : ''}. Hãy đăng ký cho xã, phường hiện nay.`,
      en: `${district.name} ceased on 01/07/2025 (two-level local government). Its records are continued by the communes and wards of ${provinceName}${names ? `: ${names}` : ''}. Sign up the current commune or ward instead.`,
    },
    [fieldError('localityCode', 'district-ended', `${district.name} đã kết thúc hoạt động từ 01/07/2025`, `${district.name} ceased on 01/07/2025`)],
  );
}
