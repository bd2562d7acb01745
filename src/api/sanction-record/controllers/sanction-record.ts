import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::sanction-record.sanction-record');
