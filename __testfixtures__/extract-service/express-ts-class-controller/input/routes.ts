import { Router } from 'express';
import { UsersController } from './controllers/users.controller';

const controller = new UsersController();

export const router = Router();

// A route() chain on the class controller's method and arrow property.
router.route('/users').post(controller.create.bind(controller)).get(controller.lookup);
