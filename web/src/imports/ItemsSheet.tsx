import { useParams } from '@solidjs/router';
import { sheetPreviewSchema } from '../../../shared/imports/schema.js';
import { SheetPage } from './SheetPage.jsx';

/** A program's or plan's items as a spreadsheet (the draft's version guards the apply). */
export function ItemsSheet() {
  const params = useParams<{ id: string }>();
  return (
    <SheetPage
      title={{ vi: 'Nội dung phối hợp: bảng tính Excel / CSV', en: 'Content items: Excel / CSV spreadsheet' }}
      back={{ href: `/agreements/${params.id}`, label: { vi: 'Quay lại văn bản', en: 'Back to the agreement' } }}
      base={`/api/imports/agreements/${params.id}/items`}
      template="/api/imports/templates/items"
      identifies={{ vi: 'nội dung', en: 'the item' }}
      schema={sheetPreviewSchema}
      ifMatch={(p) => p.agreementVersion}
    />
  );
}
