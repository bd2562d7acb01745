import type { Schema, Struct } from '@strapi/strapi';

export interface NewsroomCorrection extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_corrections';
  info: {
    description: 'A public correction note appended after publication';
    displayName: 'Correction';
    icon: 'pencil';
  };
  attributes: {
    date: Schema.Attribute.DateTime & Schema.Attribute.Required;
    text: Schema.Attribute.Text & Schema.Attribute.Required;
  };
}

export interface NewsroomCredit extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_credits';
  info: {
    description: 'A person credited on an article, with their role';
    displayName: 'Credit';
    icon: 'user';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    organization: Schema.Attribute.Relation<
      'oneToOne',
      'api::organization.organization'
    >;
    role: Schema.Attribute.Enumeration<
      ['reporter', 'photographer', 'editor', 'translator', 'byline']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'reporter'>;
  };
}

export interface NewsroomLeadImage extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_lead_images';
  info: {
    description: "The article's lead image with caption and credit";
    displayName: 'Lead image';
    icon: 'picture';
  };
  attributes: {
    caption: Schema.Attribute.Text;
    credit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    image: Schema.Attribute.Media<'images'>;
  };
}

export interface NewsroomSubject extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_subjects';
  info: {
    description: 'A subject the article is about or mentions, e.g. an IPTC Media Topic';
    displayName: 'Subject';
    icon: 'hashtag';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    rel: Schema.Attribute.Enumeration<['about', 'mentions']> &
      Schema.Attribute.DefaultTo<'about'>;
    uri: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'newsroom.correction': NewsroomCorrection;
      'newsroom.credit': NewsroomCredit;
      'newsroom.lead-image': NewsroomLeadImage;
      'newsroom.subject': NewsroomSubject;
    }
  }
}
