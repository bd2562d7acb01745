import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::sanction-record.sanction-record');
