import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::sanction-record.sanction-record');
