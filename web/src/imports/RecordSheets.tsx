import { useParams } from '@solidjs/router';
import { reviewTitle } from '../../../shared/agreements/derive.js';
import { recordSheetPreviewSchema } from '../../../shared/imports/schema.js';
import { SheetPage } from './SheetPage.jsx';

/** A review's (sơ kết / tổng kết) per-item results as a spreadsheet. The review must exist (its own page creates it). */
export function ReviewResultsSheet() {
  const params = useParams<{ id: string; period: string }>();
  return (
    <SheetPage
      title={{
        vi: `Kết quả từng nội dung — ${reviewTitle(params.period)}: bảng tính Excel / CSV`,
        en: `Results per item — ${reviewTitle(params.period, 'en')}: Excel / CSV spreadsheet`,
      }}
      back={{ href: `/agreements/${params.id}/reviews/${params.period}`, label: { vi: 'Quay lại báo cáo', en: 'Back to the review' } }}
      base={`/api/imports/agreements/${params.id}/reviews/${params.period}/results`}
      template="/api/imports/templates/review-results"
      identifies={{ vi: 'nội dung của văn bản', en: 'the agreement’s item' }}
      schema={recordSheetPreviewSchema}
    />
  );
}

/** A supervision plan's recommendations (kiến nghị) as a spreadsheet; new numbers add recommendations to a finding. */
export function RecommendationsSheet() {
  const params = useParams<{ id: string }>();
  return (
    <SheetPage
      title={{ vi: 'Kiến nghị giám sát: bảng tính Excel / CSV', en: 'Supervision recommendations: Excel / CSV spreadsheet' }}
      back={{ href: `/supervision/plans/${params.id}`, label: { vi: 'Quay lại kế hoạch', en: 'Back to the plan' } }}
      base={`/api/imports/plans/${params.id}/recommendations`}
      template="/api/imports/templates/recommendations"
      identifies={{ vi: 'kiến nghị (số mới tiếp theo là kiến nghị thêm mới)', en: 'the recommendation (the next new numbers add recommendations)' }}
      schema={recordSheetPreviewSchema}
    />
  );
}
